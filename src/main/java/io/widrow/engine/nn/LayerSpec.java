package io.widrow.engine.nn;

/** A hidden-layer description as the API speaks it: {@code dense}, {@code batchnorm} or {@code layernorm}. */
public sealed interface LayerSpec permits DenseSpec, BatchNormSpec, LayerNormSpec {
    /** The JSON discriminator. */
    String type();
}
