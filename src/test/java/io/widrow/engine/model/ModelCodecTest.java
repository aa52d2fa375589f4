package io.widrow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.nn.BatchNormSpec;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerNormSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.Specs;
import io.widrow.engine.train.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCodecTest {
    private static final Dataset RINGS = Generators.generate(new GeneratorSpec("rings", 200, 0.1, 1));

    @Test
    void mlpWithNormalisationRoundTripsExactly() {
        ModelSpec spec = new ModelSpec("mlp", "poly2", true,
                List.of(new DenseSpec(6, "gelu", "he_uniform"), new BatchNormSpec(), new DenseSpec(5, "tanh", "orthogonal"),
                        new LayerNormSpec()),
                new OutputSpec(0, "softmax", "cross_entropy", "xavier_uniform"), 0.5);
        TrainedModel model = Training.run(spec, Specs.training(3, 16, OptimizerSpec.of("adam", 0.01), ScheduleSpec.constant(), 9),
                RINGS, null, TrainingListener.NONE, () -> false).model();
        String json = ModelCodec.write(model);
        TrainedModel back = ModelCodec.read(json);
        assertThat(ModelCodec.write(back)).isEqualTo(json);
        Prediction p1 = model.predict(RINGS.x(), RINGS.rows());
        Prediction p2 = back.predict(RINGS.x(), RINGS.rows());
        assertThat(p2.outputs()).containsExactly(p1.outputs());
        assertThat(back.featureNames()).containsExactly("x1", "x2");
        assertThat(back.classes()).containsExactly(RINGS.classes());
    }

    @Test
    void frozenVersionOneFixtureKeepsLoadingAndPredicting() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/model-v1.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TrainedModel model = ModelCodec.read(json);
        assertThat(model.spec().type()).isEqualTo("mlp");
        // The fixture is a 2-4-2 tanh network trained on XOR; these are its answers when it was frozen.
        Prediction p = model.predict(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4);
        assertThat(p.labels()).containsExactly(0, 1, 1, 0);
        float[] frozen = {0.9999634f, 3.6576283E-5f, 4.0011885E-4f, 0.9995999f,
                6.666172E-4f, 0.9993334f, 0.99912953f, 8.7048643E-4f};
        // To 1e-6 relative, not bit for bit: the softmax now takes its exponentials in float (one vector
        // pass per batch, as PyTorch's float32 softmax does), where it once shifted and exponentiated in
        // double; the smallest output moved by 3e-7 of itself.
        assertThat(p.outputs()).hasSameSizeAs(frozen);
        for (int i = 0; i < frozen.length; i++) {
            assertThat(p.outputs()[i]).as("output %d", i).isCloseTo(frozen[i], within(frozen[i] * 1e-6f));
        }
    }

    @Test
    void damagedDocumentsAreRefusedWithTheField() {
        assertThatThrownBy(() -> ModelCodec.read("{\"format\":\"other\"}")).hasMessageContaining("not a Widrow model");
        assertThatThrownBy(() -> ModelCodec.read("{\"format\":\"widrow-model\",\"version\":99}"))
                .hasMessageContaining("version 99");
    }
}
