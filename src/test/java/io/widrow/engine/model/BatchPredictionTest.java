package io.widrow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.tensor.Rng;
import io.widrow.engine.train.GradientClipSpec;
import io.widrow.engine.train.TrainingSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large batch goes through the network in chunks, and the service reads request bodies in blocks of one
 * chunk: a batch predicted in any whole number of chunks must give the bits of the batch predicted at once.
 */
class BatchPredictionTest {
    private static final int FEATURES = 1_000;

    @Test
    void aBatchInWholeChunksPredictsTheBitsOfTheBatchAtOnce() {
        Rng rng = new Rng(7);
        int rows = 2_000;
        float[] x = new float[rows * FEATURES];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = (float) (rng.nextGaussian() * 5 + 20 + (j % 3 == labels[i] ? 2 : 0));
            }
        }
        Dataset data = Dataset.classification(x, rows, FEATURES, Dataset.defaultFeatureNames(FEATURES), labels,
                new String[] {"a", "b", "c"});
        List<LayerSpec> hidden = List.of(new DenseSpec(96, "relu", "he_normal"), new DenseSpec(40, "tanh", "xavier_uniform"));
        ModelSpec spec = new ModelSpec("mlp", "none", true, hidden,
                new OutputSpec(0, "softmax", "cross_entropy", "xavier_uniform"), 0.5);
        TrainingSpec training = new TrainingSpec(1, 64, true, false, 1, OptimizerSpec.of("adam", 1e-3),
                ScheduleSpec.constant(), GradientClipSpec.NONE, null, 0, 0);
        TrainedModel model = Training.run(spec, training, data, null, m -> { }, () -> false).model();
        assertThat(model.standardizer()).as("the chunks are standardized one by one").isNotNull();

        Prediction whole = model.predict(x, rows);
        assertThat(whole.rows()).isEqualTo(rows);
        int chunk = model.predictChunkRows();
        assertThat(chunk).as("%d features per chunk of %d floats", FEATURES, TrainedModel.PREDICT_CHUNK_FLOATS)
                .isEqualTo(TrainedModel.PREDICT_CHUNK_FLOATS / FEATURES);

        for (int piece : new int[] {chunk, 2 * chunk, 7 * chunk}) {
            float[] outputs = new float[rows * 3];
            int[] pieceLabels = new int[rows];
            for (int r0 = 0; r0 < rows; r0 += piece) {
                int n = Math.min(piece, rows - r0);
                Prediction p = model.predict(Arrays.copyOfRange(x, r0 * FEATURES, (r0 + n) * FEATURES), n);
                System.arraycopy(p.outputs(), 0, outputs, r0 * 3, n * 3);
                System.arraycopy(p.labels(), 0, pieceLabels, r0, n);
            }
            assertThat(mismatches(outputs, whole.outputs())).as("values that differ, pieces of %d rows", piece).isZero();
            assertThat(pieceLabels).isEqualTo(whole.labels());
        }
        // The chunks themselves must not change the answer beyond float rounding: a batch of one chunk
        // against rows predicted one at a time (which take the few-rows kernel).
        float maxDiff = 0;
        for (int i = 0; i < chunk; i++) {
            Prediction one = model.predict(Arrays.copyOfRange(x, i * FEATURES, (i + 1) * FEATURES), 1);
            for (int c = 0; c < 3; c++) {
                maxDiff = Math.max(maxDiff, Math.abs(one.output(0, c) - whole.output(i, c)));
            }
        }
        assertThat(maxDiff).isLessThan(1e-5f);
        assertThat(x).as("the caller's rows are not standardized in place").isEqualTo(data.x());
    }

    private static int mismatches(float[] a, float[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += Float.floatToIntBits(a[i]) == Float.floatToIntBits(b[i]) ? 0 : 1;
        }
        return n;
    }
}
