package io.widrow.engine.nn;

import io.widrow.engine.init.Initializer;
import io.widrow.engine.nn.activation.Activation;
import io.widrow.engine.nn.activation.Activations;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/** Test-only builders: initializers belong to another package, so tests bring their own seeded one. */
public final class TestNets {
    private TestNets() {
    }

    /** Gaussian N(0, (scale/√fanIn)²): keeps pre-activations O(1) at every depth. */
    public static Initializer gaussian(double scale) {
        return new Initializer() {
            @Override
            public String name() {
                return "test_gaussian";
            }

            @Override
            public void initialize(float[] w, int fanIn, int fanOut, Rng rng) {
                double s = scale / Math.sqrt(fanIn);
                for (int i = 0; i < fanIn * fanOut; i++) {
                    w[i] = (float) (s * rng.nextGaussian());
                }
            }
        };
    }

    public static Matrix random(Rng rng, int rows, int cols, double scale) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = (float) (scale * rng.nextGaussian());
        }
        return m;
    }

    public static Matrix uniform(Rng rng, int rows, int cols, double lo, double hi) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = (float) rng.uniform(lo, hi);
        }
        return m;
    }

    public static Matrix oneHot(Rng rng, int rows, int classes) {
        Matrix m = new Matrix(rows, classes);
        for (int r = 0; r < rows; r++) {
            m.set(r, rng.nextInt(classes), 1f);
        }
        return m;
    }

    public static Matrix binary(Rng rng, int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = rng.nextInt(2);
        }
        return m;
    }

    /** Perturbs norm scales and shifts away from 1 and 0 so their gradients are exercised non-trivially. */
    public static void jitter(Layer layer, Rng rng) {
        if (layer instanceof BatchNorm || layer instanceof LayerNorm) {
            for (Parameter p : layer.parameters()) {
                float base = p.name().equals("gamma") ? 1f : 0f;
                for (int i = 0; i < p.size(); i++) {
                    p.value()[i] = base + (float) (0.3 * rng.nextGaussian());
                }
            }
        }
    }

    /**
     * {@code depth} × (Dense → optional norm → hidden activation), then Dense → output activation.
     * {@code norm} is "none", "batchnorm" or "layernorm".
     */
    public static List<Layer> network(int in, int width, int out, int depth, String hidden, String norm,
            String output, Rng rng) {
        List<Layer> layers = new ArrayList<>();
        int prev = in;
        for (int d = 0; d < depth; d++) {
            layers.add(new Dense(prev, width, gaussian(1.5), rng));
            jitterBias(layers.get(layers.size() - 1), rng);
            switch (norm) {
                case "batchnorm" -> layers.add(new BatchNorm(width, 0.9, 1e-5));
                case "layernorm" -> layers.add(new LayerNorm(width, 1e-5));
                case "none" -> { }
                default -> throw new IllegalArgumentException("unknown norm '" + norm + "'");
            }
            jitter(layers.get(layers.size() - 1), rng);
            layers.add(new ActivationLayer(activation(hidden), width));
            prev = width;
        }
        layers.add(new Dense(prev, out, gaussian(1.5), rng));
        jitterBias(layers.get(layers.size() - 1), rng);
        layers.add(new ActivationLayer(activation(output), out));
        return layers;
    }

    /** Leaky slope 0.1 (not the default 0.01) so the negative side contributes a checkable gradient. */
    public static Activation activation(String name) {
        return Activations.create(name, 0.1);
    }

    private static void jitterBias(Layer layer, Rng rng) {
        float[] b = ((Dense) layer).bias().value();
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (0.2 * rng.nextGaussian());
        }
    }
}
