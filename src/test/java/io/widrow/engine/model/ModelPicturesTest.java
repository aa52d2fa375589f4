package io.widrow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.GradientClipSpec;
import io.widrow.engine.train.Specs;
import io.widrow.engine.train.TrainingListener;
import io.widrow.engine.train.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The observer hook, decision surfaces and confusion matrices: what the console draws of a model. */
class ModelPicturesTest {
    private static final Dataset MOONS = Generators.generate(new GeneratorSpec("moons", 300, 0.1, 3));
    private static final float[] TRUTH_TABLE = {0, 0, 0, 1, 1, 0, 1, 1};

    @Test
    void observerSeesEveryEpochsLiveModelAndTheRawHeldOutRows() {
        TrainingSpec spec = new TrainingSpec(4, 32, true, false, 5, OptimizerSpec.of("adam", 0.01),
                ScheduleSpec.constant(), GradientClipSpec.NONE, null, 0.2, 0);
        List<Integer> epochs = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        TrainingOutcome out = Training.run(Specs.reluMlp(true, 8), spec, MOONS, null, TrainingListener.NONE, () -> false,
                (epoch, model, validation) -> {
                    epochs.add(epoch);
                    docs.add(ModelCodec.write(model));
                    heldOut.add(validation.rows());
                    assertThat(validation.features()).isEqualTo(2);
                });
        assertThat(epochs).containsExactly(1, 2, 3, 4);
        assertThat(heldOut).containsOnly(60);
        // Weights move between epochs, and the last snapshot is the model the run returns.
        assertThat(docs.get(0)).isNotEqualTo(docs.get(3));
        assertThat(docs.get(3)).isEqualTo(ModelCodec.write(out.model()));
    }

    @Test
    void linearModelsAreObservedToo() {
        List<TrainedModel> seen = new ArrayList<>();
        TrainingOutcome out = linear("adaline", "interactions", "xor", 300, 0.05, (epoch, model, validation) -> seen.add(model));
        assertThat(seen).hasSize(300);
        assertThat(seen.get(299).linear().weights()).containsExactly(out.model().linear().weights());
        assertThat(seen.get(0).linear().weights()).isNotEqualTo(out.model().linear().weights());
    }

    @Test
    void surfaceShowsTheLearnedXorAndEachHiddenUnit() {
        TrainedModel adaline = linear("adaline", "interactions", "xor", 300, 0.05, EpochModelObserver.NONE).model();
        DecisionSurface.Surface s = DecisionSurface.compute(adaline, new DecisionSurface.Bounds(-0.5, 1.5, -0.5, 1.5),
                2, 0, 0);
        // Cells centred on (0, 1) (1, 1) / (0, 0) (1, 0): top row first.
        assertThat(s.predicted()).containsExactly(1, 0, 0, 1);
        assertThat(s.neurons()).isEmpty();

        TrainedModel net = Training.run(Specs.reluMlp(true, 3, 2), Specs.training(2, 32, OptimizerSpec.of("adam", 0.01),
                ScheduleSpec.constant(), 5), MOONS, null, TrainingListener.NONE, () -> false).model();
        DecisionSurface.Surface n = DecisionSurface.compute(net, new DecisionSurface.Bounds(-2, 3, -1, 2), 8, 4, 64);
        assertThat(n.outputs()).hasSize(8 * 8 * 2);
        assertThat(n.predicted()).hasSize(64);
        assertThat(n.neurons()).extracting(DecisionSurface.NeuronMap::layer).containsExactly(1, 1, 1, 2, 2);
        assertThat(n.neurons().get(0).values()).hasSize(16);
        assertThat(n.neurons().get(0).activation()).isEqualTo("relu");
        // The grid is exactly what predict sees at the cell centres.
        float[] corner = {-2 + 5 / 16f, 2 - 3 / 16f};
        assertThat(n.outputs()[0]).isEqualTo(net.predict(corner, 1).output(0, 0));
        assertThat(DecisionSurface.compute(net, new DecisionSurface.Bounds(-2, 3, -1, 2), 8, 4, 1).neurons())
                .hasSize(2);
    }

    @Test
    void surfaceRefusesOtherInputCountsAndBadBounds() {
        Dataset three = Dataset.classification(new float[] {0, 0, 0, 1, 1, 1}, 2, 3, Dataset.defaultFeatureNames(3), new int[] {0, 1},
                new String[] {"a", "b"});
        TrainedModel m = Training.run(Specs.reluMlp(false, 2), Specs.training(1, 2, OptimizerSpec.of("sgd", 0.1),
                ScheduleSpec.constant(), 1), three, null, TrainingListener.NONE, () -> false).model();
        assertThatThrownBy(() -> DecisionSurface.compute(m, new DecisionSurface.Bounds(0, 1, 0, 1), 4, 0, 0))
                .hasMessageContaining("exactly 2 raw inputs, this one has 3");
        assertThatThrownBy(() -> new DecisionSurface.Bounds(1, 0, 0, 1)).hasMessageContaining("min < max");
        assertThatThrownBy(() -> new DecisionSurface.Bounds(0, Double.NaN, 0, 1)).hasMessageContaining("finite");
    }

    @Test
    void confusionMatrixCountsTrueAgainstPredicted() {
        Dataset and = Generators.generate(new GeneratorSpec("and", 4, 0, 1));
        TrainedModel m = linear("perceptron", "none", "and", 50, 0.1, EpochModelObserver.NONE).model();
        ConfusionMatrix c = ConfusionMatrix.of(m, and);
        assertThat(c.counts()[0]).containsExactly(3, 0);
        assertThat(c.counts()[1]).containsExactly(0, 1);
        assertThat(c.accuracy()).isEqualTo(1.0);
        int[] wrong = {1, 1, 1, 0};
        Dataset flipped = Dataset.classification(and.x(), 4, 2, and.featureNames(), wrong, and.classes());
        assertThat(ConfusionMatrix.of(m, flipped).accuracy()).isEqualTo(0.0);
    }

    /** A single-neuron model on a 4-row truth table, online, with the observer watching. */
    private static TrainingOutcome linear(String type, String featureMap, String table, int epochs, double lr,
                                          EpochModelObserver observer) {
        ModelSpec spec = new ModelSpec(type, featureMap, false, List.of(), null, type.equals("adaline") ? 0.5 : 0);
        return Training.run(spec, Specs.training(epochs, 1, OptimizerSpec.of("sgd", lr), ScheduleSpec.constant(), 3),
                Generators.generate(new GeneratorSpec(table, 4, 0, 1)), null, TrainingListener.NONE, () -> false, observer);
    }
}
