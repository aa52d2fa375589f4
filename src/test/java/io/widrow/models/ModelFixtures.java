package io.widrow.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.model.ModelSpec;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.Specs;
import io.widrow.engine.train.TrainingListener;
import io.widrow.engine.train.TrainingSpec;

/** Small models trained in-test through the engine, standing in for what the jobs feature will register. */
public final class ModelFixtures {
    public static final String[] BLOB_FEATURES = {"height", "weight"};
    public static final String[] BLOB_CLASSES = {"cat", "dog"};

    private ModelFixtures() {
    }

    /** Two well separated Gaussian blobs: "cat" around (−2, 1), "dog" around (2, 5); unequal scales so standardization matters. */
    public static Dataset blobs(int rows, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[rows * 2];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            int c = i % 2;
            labels[i] = c;
            x[2 * i] = (float) ((c == 0 ? -2 : 2) + 0.7 * rng.nextGaussian());
            x[2 * i + 1] = (float) ((c == 0 ? 1 : 5) + 0.7 * rng.nextGaussian());
        }
        return Dataset.classification(x, rows, 2, BLOB_FEATURES.clone(), labels, BLOB_CLASSES.clone());
    }

    public static TrainingOutcome blobClassifier() {
        TrainingSpec spec = Specs.training(30, 16, OptimizerSpec.of("adam", 0.01), ScheduleSpec.constant(), 7);
        return Training.run(Specs.reluMlp(true, 8), spec, blobs(200, 1), blobs(60, 2), TrainingListener.NONE, () -> false);
    }

    /** y = 2·x1 − x2 with a single identity unit and mse: exactly representable, so predictions should be close. */
    public static Dataset line(int rows, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[rows * 2];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            x[2 * i] = (float) (rng.nextDouble() * 4 - 2);
            x[2 * i + 1] = (float) (rng.nextDouble() * 4 - 2);
            y[i] = 2 * x[2 * i] - x[2 * i + 1];
        }
        return Dataset.regression(x, rows, 2, new String[] {"x1", "x2"}, y, 1);
    }

    public static TrainingOutcome lineRegressor() {
        ModelSpec model = new ModelSpec("mlp", "none", false, List.of(),
                new OutputSpec(0, "identity", "mse", "xavier_normal"), 0.5);
        TrainingSpec spec = Specs.training(200, 16, OptimizerSpec.of("adam", 0.05), ScheduleSpec.constant(), 3);
        return Training.run(model, spec, line(200, 5), null, TrainingListener.NONE, () -> false);
    }

    public static TrainingOutcome perceptronAnd() {
        Dataset and = Generators.generate(new GeneratorSpec("and", 4, 0, 1));
        ModelSpec model = new ModelSpec("perceptron", "none", false, List.of(), null, 0);
        return Training.run(model, linear(50, 1, 0.1, 1), and, null, TrainingListener.NONE, () -> false);
    }

    public static TrainingOutcome adalineXor() {
        Dataset xor = Generators.generate(new GeneratorSpec("xor", 40, 0, 1));
        ModelSpec model = new ModelSpec("adaline", "interactions", false, List.of(), null, 0.5);
        return Training.run(model, linear(300, 1, 0.05, 2), xor, null, TrainingListener.NONE, () -> false);
    }

    private static TrainingSpec linear(int epochs, int batch, double lr, long seed) {
        return Specs.training(epochs, batch, OptimizerSpec.of("sgd", lr), ScheduleSpec.constant(), seed);
    }

    /** The figures a job hands over: the last epoch's, as plain JSON-friendly values. */
    public static Map<String, Object> metrics(TrainingOutcome out) {
        List<EpochMetrics> h = out.result().history();
        EpochMetrics last = h.get(h.size() - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", last.loss());
        m.put("accuracy", last.accuracy());
        m.put("valLoss", last.valLoss());
        m.put("valAccuracy", last.valAccuracy());
        m.put("epochs", out.result().epochsRun());
        m.put("bestEpoch", out.result().bestEpoch());
        return m;
    }
}
