package io.widrow.models;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.features.Standardizer;
import io.widrow.engine.model.DecisionSurface;
import io.widrow.engine.model.TrainedModel;
import io.widrow.system.ApiException;

/**
 * Decision-boundary pictures of a two-input model, as the models and jobs APIs both serve them (a finished
 * model, or a running job's latest snapshot). Turns query parameters into an engine {@link DecisionSurface}
 * and that into a compact web view.
 */
public final class ModelSurfaces {
    /** Hidden units drawn per layer; wider layers show their first ones (the pictures get too small anyway). */
    public static final int MAX_UNITS_PER_LAYER = 64;

    private ModelSurfaces() {
    }

    /** The query parameters of a boundary request; what is absent takes the defaults below. */
    public record Query(
            @Parameter(description = "grid side, 2..256 (default 64)") Integer resolution,
            @Parameter(description = "grid side of the hidden-unit pictures, 0 = none (default 24)") Integer neuronResolution,
            @Parameter(description = "plane bounds in raw input units; default: the training inputs' mean ± 3σ, "
                    + "or [-1.5, 1.5] for a model that does not standardize") Double xMin,
            Double xMax, Double yMin, Double yMax) {
        static final int DEFAULT_RESOLUTION = 64;
        static final int DEFAULT_NEURON_RESOLUTION = 24;

        public Query {
            resolution = resolution == null ? DEFAULT_RESOLUTION : resolution;
            neuronResolution = neuronResolution == null ? DEFAULT_NEURON_RESOLUTION : neuronResolution;
        }
    }

    @Schema(description = "What a 2-input model predicts over a rectangle of its input plane, and what each hidden unit computes there")
    public record SurfaceView(
            @Schema(description = "epoch of the weights drawn") int epoch,
            @Schema(description = "true while the job is still training (a live snapshot)") boolean live,
            String task, List<String> featureNames, List<String> classes,
            @Schema(description = "grid side; outputs has resolution² × columns values, top row (y = yMax) first") int resolution,
            double xMin, double xMax, double yMin, double yMax,
            @Schema(description = "class probabilities (classification) or targets (regression) per cell") int columns,
            float[] outputs,
            @Schema(description = "predicted class index per cell; absent for regression") int[] predicted,
            @Schema(description = "grid side of every neurons[].values") int neuronResolution,
            List<NeuronView> neurons) {
    }

    @Schema(description = "One hidden unit's activation over the plane")
    public record NeuronView(int layer, int unit, String activation, float[] values) {
    }

    /** Computes the view; parameter problems become a 400 naming the parameter. */
    public static SurfaceView view(TrainedModel model, Query q, int epoch, boolean live) {
        if (model.inputs() != 2) {
            throw ApiException.badRequest("A decision boundary is drawn for models with exactly 2 input features; "
                    + "this one has " + model.inputs() + ".");
        }
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        if (q.resolution() < 2 || q.resolution() > DecisionSurface.MAX_RESOLUTION) {
            problems.add(new ApiException.FieldProblem("resolution",
                    "must be in [2, " + DecisionSurface.MAX_RESOLUTION + "], got " + q.resolution()));
        }
        if (q.neuronResolution() < 0 || q.neuronResolution() > DecisionSurface.MAX_RESOLUTION) {
            problems.add(new ApiException.FieldProblem("neuronResolution",
                    "must be in [0, " + DecisionSurface.MAX_RESOLUTION + "], got " + q.neuronResolution()));
        }
        double[] def = defaultBounds(model);
        double xMin = or(q.xMin(), def[0]);
        double xMax = or(q.xMax(), def[1]);
        double yMin = or(q.yMin(), def[2]);
        double yMax = or(q.yMax(), def[3]);
        checkRange(problems, "xMin", "xMax", xMin, xMax);
        checkRange(problems, "yMin", "yMax", yMin, yMax);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() == 1 ? "1 parameter is invalid." : problems.size()
                    + " parameters are invalid.", problems);
        }
        DecisionSurface.Surface s = DecisionSurface.compute(model, new DecisionSurface.Bounds(xMin, xMax, yMin, yMax),
                q.resolution(), q.neuronResolution(), MAX_UNITS_PER_LAYER);
        List<NeuronView> neurons = s.neurons().stream()
                .map(n -> new NeuronView(n.layer(), n.unit(), n.activation(), rounded(n.values()))).toList();
        return new SurfaceView(epoch, live, model.task() == Dataset.Task.REGRESSION ? "regression" : "classification",
                List.of(model.featureNames()), List.of(model.classes()), s.resolution(), xMin, xMax, yMin, yMax,
                s.columns(), rounded(s.outputs()), s.predicted(), q.neuronResolution(), neurons);
    }

    private static void checkRange(List<ApiException.FieldProblem> problems, String lo, String hi, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || Math.abs(min) > 1e12 || Math.abs(max) > 1e12) {
            problems.add(new ApiException.FieldProblem(lo, lo + " and " + hi + " must be finite numbers within ±1e12, got "
                    + min + " and " + max));
        } else if (!(min < max)) {
            problems.add(new ApiException.FieldProblem(lo, "must be below " + hi + ", got " + lo + "=" + min + ", "
                    + hi + "=" + max));
        }
    }

    /** Mean ± 3σ of the training inputs when the model standardizes (raw inputs come first in every feature map). */
    private static double[] defaultBounds(TrainedModel model) {
        Standardizer st = model.standardizer();
        if (st != null && st.means().length >= 2) {
            double[] m = st.means();
            double[] s = st.stds();
            return new double[] {m[0] - 3 * s[0], m[0] + 3 * s[0], m[1] - 3 * s[1], m[1] + 3 * s[1]};
        }
        return new double[] {-1.5, 1.5, -1.5, 1.5};
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    /** Four significant digits are plenty for a picture and keep the JSON about half as long. */
    private static float[] rounded(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!Float.isFinite(v) || v == 0f) {
                out[i] = 0f;
            } else {
                double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(v))));
                out[i] = (float) (Math.rint(v * scale) / scale);
            }
        }
        return out;
    }
}
