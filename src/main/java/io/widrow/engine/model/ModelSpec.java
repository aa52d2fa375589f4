package io.widrow.engine.model;

import io.widrow.engine.features.FeatureMap;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import java.util.List;

/**
 * What to build, as the API speaks it.
 *
 * @param type        mlp | perceptron | adaline
 * @param featureMap  none | interactions | poly2, applied to raw inputs before anything else
 * @param standardize fit (x − μ)/(σ + ε) on the training set and apply it at prediction
 * @param layers      hidden layers (mlp only)
 * @param output      output layer (mlp only)
 * @param threshold   decision threshold θ on the linear output (adaline only)
 */
public record ModelSpec(String type, String featureMap, boolean standardize, List<LayerSpec> layers,
                        OutputSpec output, double threshold) {
    public static final List<String> TYPES = List.of("mlp", "perceptron", "adaline");

    public ModelSpec {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("model type must be one of " + TYPES + ", got '" + type + "'");
        }
        FeatureMap.requireKnown(featureMap);
        layers = layers == null ? List.of() : List.copyOf(layers);
        if (type.equals("mlp") && output == null) {
            throw new IllegalArgumentException("an mlp needs an output layer");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
    }
}
