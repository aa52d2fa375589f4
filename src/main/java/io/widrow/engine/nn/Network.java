package io.widrow.engine.nn;

import io.widrow.engine.nn.activation.Activation;
import io.widrow.engine.nn.loss.Loss;
import io.widrow.engine.tensor.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A multilayer perceptron built by layer decomposition: a stack of layers whose last one produces the
 * output pre-activation z, then the output activation a = f(z) and the loss layer.
 *
 * <p>Not thread-safe: every layer owns reusable batch buffers. Use one instance per training run and
 * guard shared inference (see {@code TrainedModel}).
 */
public final class Network {
    private final List<Layer> layers;
    private final Activation outputActivation;
    private final Loss loss;
    private final List<Parameter> parameters;
    private final List<Parameter> buffers;
    private final List<Dense> denseLayers;
    private Matrix activations = new Matrix(0, 0);
    private Matrix gradZ = new Matrix(0, 0);
    private Matrix lastZ;

    public Network(List<Layer> layers, Activation outputActivation, Loss loss) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputSize() != layers.get(i - 1).outputSize()) {
                throw new IllegalArgumentException("layer " + i + " (" + layers.get(i).kind() + ") expects "
                        + layers.get(i).inputSize() + " inputs but layer " + (i - 1) + " gives "
                        + layers.get(i - 1).outputSize());
            }
        }
        this.layers = List.copyOf(layers);
        this.outputActivation = outputActivation;
        this.loss = loss;
        List<Parameter> ps = new ArrayList<>();
        List<Parameter> bs = new ArrayList<>();
        List<Dense> ds = new ArrayList<>();
        for (Layer layer : layers) {
            ps.addAll(layer.parameters());
            bs.addAll(layer.buffers());
            if (layer instanceof Dense d) {
                ds.add(d);
            }
        }
        this.parameters = Collections.unmodifiableList(ps);
        this.buffers = Collections.unmodifiableList(bs);
        this.denseLayers = List.copyOf(ds);
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Every trainable parameter, in layer order; the order optimizers key their state by. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Non-trainable saved state (BatchNorm running statistics), in layer order. */
    public List<Parameter> buffers() {
        return buffers;
    }

    /** The dense layers, whose weight and gradient norms are reported per epoch. */
    public List<Dense> denseLayers() {
        return denseLayers;
    }

    public Activation outputActivation() {
        return outputActivation;
    }

    public Loss loss() {
        return loss;
    }

    public int inputSize() {
        return layers.get(0).inputSize();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /**
     * The output activations a for a batch; the returned buffer is owned by the network and valid until
     * the next call.
     */
    public Matrix forward(Matrix input, boolean training) {
        Matrix h = input;
        for (Layer layer : layers) {
            h = layer.forward(h, training);
        }
        lastZ = h;
        activations = ensure(activations, h.rows(), h.cols());
        outputActivation.forward(h, activations);
        return activations;
    }

    /**
     * One training pass over a batch: forward in training mode, loss, and backward, which overwrites
     * every parameter's gradient with the batch-mean gradient. Returns the batch-mean loss; the output
     * activations stay readable through {@link #lastOutput()}.
     */
    public double forwardBackward(Matrix input, Matrix targets) {
        Matrix a = forward(input, true);
        double value = loss.value(a, targets);
        gradZ = ensure(gradZ, a.rows(), a.cols());
        loss.gradient(lastZ, a, targets, gradZ);
        Matrix g = gradZ;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0);
        }
        return value;
    }

    /** The activations of the last forward pass. */
    public Matrix lastOutput() {
        return activations;
    }

    private static Matrix ensure(Matrix m, int rows, int cols) {
        if (m.cols() == cols && m.capacityRows() >= rows) {
            return m.resizeRows(rows);
        }
        return new Matrix(rows, cols);
    }
}
