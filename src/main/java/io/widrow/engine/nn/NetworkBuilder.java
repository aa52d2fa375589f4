package io.widrow.engine.nn;

import io.widrow.engine.init.Initializers;
import io.widrow.engine.nn.activation.Activation;
import io.widrow.engine.nn.activation.Activations;
import io.widrow.engine.nn.loss.Loss;
import io.widrow.engine.nn.loss.Losses;
import io.widrow.engine.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/** Turns layer specs into a {@link Network}; the same specs, sizes and seed give the same weights. */
public final class NetworkBuilder {
    private NetworkBuilder() {
    }

    /**
     * Builds hidden layers then the output layer ({@code outputs} units) for {@code inputs} features,
     * drawing initial weights from {@code rng} in layer order.
     */
    public static Network build(List<LayerSpec> hidden, OutputSpec output, int inputs, int outputs, Rng rng) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input feature, got " + inputs);
        }
        List<Layer> layers = new ArrayList<>();
        int width = inputs;
        for (int i = 0; i < hidden.size(); i++) {
            LayerSpec spec = hidden.get(i);
            if (spec instanceof DenseSpec d) {
                Activation act = Activations.create(d.activation(), d.alpha());
                if (!act.differentiable()) {
                    throw new IllegalArgumentException("layers[" + i + "].activation '" + d.activation()
                            + "' has no gradient, so an mlp cannot be trained through it; only the perceptron uses step");
                }
                double gainAlpha = d.activation().equals("leaky_relu") ? d.alpha() : 0.0;
                layers.add(new Dense(width, d.units(), Initializers.create(d.init(), d.initValue(), gainAlpha), rng));
                layers.add(new ActivationLayer(act, d.units()));
                width = d.units();
            } else if (spec instanceof BatchNormSpec b) {
                layers.add(new BatchNorm(width, b.momentum(), b.epsilon()));
            } else if (spec instanceof LayerNormSpec l) {
                layers.add(new LayerNorm(width, l.epsilon()));
            }
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("output units must be >= 1, got " + outputs);
        }
        Activation outAct = Activations.create(output.activation(), DenseSpec.DEFAULT_ALPHA);
        if (!outAct.differentiable()) {
            throw new IllegalArgumentException("output.activation 'step' has no gradient; use sigmoid or softmax");
        }
        layers.add(new Dense(width, outputs, Initializers.create(output.init(), 0.0, 0.0), rng));
        Loss loss = Losses.create(output.loss(), outAct);
        return new Network(layers, outAct, loss);
    }
}
