package io.widrow.engine.model;

import io.widrow.engine.nn.ActivationLayer;
import io.widrow.engine.nn.Layer;
import io.widrow.engine.nn.Network;
import io.widrow.engine.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * What a two-input model does over a rectangle of its input plane: the outputs on a grid (the decision
 * boundary is where the predicted class changes) and, for a network, every hidden neuron's activation on a
 * coarser grid — the "lines" each unit draws, which the output layer then combines.
 *
 * <p>Grids are row-major with the first row at the top ({@code y = yMax}) and cells sampled at their centres,
 * so row {@code r}, column {@code c} maps straight onto a picture.
 */
public final class DecisionSurface {
    public static final int MAX_RESOLUTION = 256;

    private DecisionSurface() {
    }

    /** The plane's rectangle in raw input units. */
    public record Bounds(double xMin, double xMax, double yMin, double yMax) {
        public Bounds {
            if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))) {
                throw new IllegalArgumentException("bounds must be finite, got x [" + xMin + ", " + xMax + "], y ["
                        + yMin + ", " + yMax + "]");
            }
            if (!(xMin < xMax) || !(yMin < yMax)) {
                throw new IllegalArgumentException("bounds need min < max, got x [" + xMin + ", " + xMax + "], y ["
                        + yMin + ", " + yMax + "]");
            }
        }
    }

    /**
     * @param outputs   {@code resolution² × columns} values: class probabilities (classification) or targets
     * @param predicted class index per cell (classification) or null
     */
    public record Surface(int resolution, Bounds bounds, int columns, float[] outputs, int[] predicted,
                          List<NeuronMap> neurons) {
    }

    /** One hidden unit's activation over the plane ({@code resolution²} values). */
    public record NeuronMap(int layer, int unit, String activation, int resolution, float[] values) {
    }

    /**
     * @param neuronResolution grid side for the hidden units' pictures; 0 skips them
     * @param maxUnitsPerLayer at most this many units of each hidden layer are drawn (the first ones)
     */
    public static Surface compute(TrainedModel model, Bounds bounds, int resolution, int neuronResolution,
                                  int maxUnitsPerLayer) {
        if (model.inputs() != 2) {
            throw new IllegalArgumentException("a decision surface needs a model with exactly 2 raw inputs, this one has "
                    + model.inputs());
        }
        checkResolution("resolution", resolution, 2);
        checkResolution("neuronResolution", neuronResolution, 0);
        Prediction p = model.predict(grid(bounds, resolution), resolution * resolution);
        List<NeuronMap> neurons = neuronResolution == 0 || model.network() == null ? List.of()
                : hidden(model, bounds, neuronResolution, Math.max(0, maxUnitsPerLayer));
        return new Surface(resolution, bounds, p.cols(), p.outputs(), p.labels(), neurons);
    }

    private static void checkResolution(String name, int value, int min) {
        if (value < min || value > MAX_RESOLUTION) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + MAX_RESOLUTION + "], got " + value);
        }
    }

    /** Cell centres, top row first. */
    static float[] grid(Bounds b, int n) {
        float[] xy = new float[n * n * 2];
        double dx = (b.xMax() - b.xMin()) / n;
        double dy = (b.yMax() - b.yMin()) / n;
        int i = 0;
        for (int r = 0; r < n; r++) {
            float y = (float) (b.yMax() - (r + 0.5) * dy);
            for (int c = 0; c < n; c++) {
                xy[i++] = (float) (b.xMin() + (c + 0.5) * dx);
                xy[i++] = y;
            }
        }
        return xy;
    }

    private static List<NeuronMap> hidden(TrainedModel model, Bounds bounds, int n, int maxUnits) {
        int rows = n * n;
        float[] x = model.preprocess(grid(bounds, n), rows);
        Network net = model.network();
        List<NeuronMap> out = new ArrayList<>();
        // Layers own their batch buffers: the same lock TrainedModel.predict takes on the shared network.
        synchronized (net) {
            Matrix h = new Matrix(x, rows, net.inputSize());
            int hiddenLayer = 0;
            for (Layer layer : net.layers()) {
                h = layer.forward(h, false);
                if (layer instanceof ActivationLayer a) {
                    hiddenLayer++;
                    int units = Math.min(maxUnits, h.cols());
                    float[] data = h.data();
                    for (int u = 0; u < units; u++) {
                        float[] values = new float[rows];
                        for (int r = 0; r < rows; r++) {
                            values[r] = data[r * h.cols() + u];
                        }
                        out.add(new NeuronMap(hiddenLayer, u, a.activation().name(), n, values));
                    }
                }
            }
        }
        return out;
    }
}
