package io.widrow.engine.model;

import java.util.List;

import io.widrow.engine.features.FeatureMap;
import io.widrow.engine.nn.BatchNormSpec;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerNormSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.NetworkBuilder;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.tensor.Rng;
import io.widrow.engine.train.Specs;
import io.widrow.engine.train.TrainingSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FootprintTest {
    private static final OutputSpec SOFTMAX = new OutputSpec(0, "softmax", "cross_entropy", "xavier_normal");

    private static TrainingSpec training(String optimizer, int batch) {
        return Specs.training(3, batch, OptimizerSpec.of(optimizer, 0.01), ScheduleSpec.constant(), 1);
    }

    /** The estimate counts exactly the parameters the builder allocates, for every layer kind and feature map. */
    @ParameterizedTest
    @CsvSource({"none, 7, 3", "interactions, 7, 3", "poly2, 5, 10", "none, 784, 10"})
    void parametersMatchTheBuiltNetwork(String featureMap, int features, int outputs) {
        List<LayerSpec> layers = List.of(new DenseSpec(32, "relu", "he_normal"), new BatchNormSpec(),
                new DenseSpec(16, "tanh", "xavier_normal"), new LayerNormSpec(1e-5));
        ModelSpec spec = new ModelSpec("mlp", featureMap, true, layers, SOFTMAX, 0);
        long built = NetworkBuilder.build(layers, SOFTMAX, FeatureMap.of(featureMap).outputSize(features), outputs,
                new Rng(1)).parameterCount();
        assertThat(Footprint.estimate(spec, training("adam", 32), 100, features, outputs, 0).parameters())
                .isEqualTo(built);
    }

    @Test
    void linearModelsHaveOneWeightPerMappedFeaturePlusABias() {
        ModelSpec adaline = new ModelSpec("adaline", "interactions", false, List.of(), null, 0.5);
        assertThat(Footprint.estimate(adaline, training("sgd", 1), 10, 4, 1, 0).parameters()).isEqualTo(4 + 6 + 1);
    }

    @Test
    void optimizerSlotsAndBatchesScaleTheEstimate() {
        ModelSpec spec = Specs.reluMlp(false, 64);
        long sgd = Footprint.estimate(spec, training("sgd", 32), 10_000, 20, 2, 0).parameterBytes();
        long adam = Footprint.estimate(spec, training("adam", 32), 10_000, 20, 2, 0).parameterBytes();
        assertThat(adam).isEqualTo(sgd * 2);
        long small = Footprint.estimate(spec, training("sgd", 32), 10_000, 20, 2, 0).activationBytes();
        long full = Footprint.estimate(spec, training("sgd", 0), 10_000, 20, 2, 0).activationBytes();
        assertThat(full).isGreaterThan(small * 9);
    }

    @Test
    void absurdSizesSaturateInsteadOfOverflowing() {
        List<LayerSpec> layers = List.of(new DenseSpec(100_000, "relu", "he_normal"),
                new DenseSpec(100_000, "relu", "he_normal"), new DenseSpec(100_000, "relu", "he_normal"));
        ModelSpec spec = new ModelSpec("mlp", "poly2", false, layers, SOFTMAX, 0);
        Footprint f = Footprint.estimate(spec, training("adam", 0), Integer.MAX_VALUE, 1_000_000, 10, 0);
        assertThat(f.parameters()).isPositive().isGreaterThan(1_000_000_000_000L);
        assertThat(f.totalBytes()).isPositive();
    }

    /** Storage is charged by the estimate before the model exists: it must not undercount the saved document. */
    @Test
    void serializedEstimateCoversTheSavedDocument() {
        TrainingOutcome out = io.widrow.models.ModelFixtures.blobClassifier();
        long actual = ModelCodec.write(out.model()).length();
        ModelSpec spec = Specs.reluMlp(true, 8);
        long estimate = Footprint.estimate(spec, training("adam", 16), 200, 2, 2, 60).serializedBytes();
        assertThat(out.model().parameterCount()).isEqualTo(Footprint.estimate(spec, training("adam", 16), 200, 2, 2, 60)
                .parameters());
        assertThat(estimate).isGreaterThanOrEqualTo(actual - 1024);
    }
}
