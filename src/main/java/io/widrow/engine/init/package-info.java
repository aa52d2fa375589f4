/**
 * Weight initializers, created by JSON name through {@link io.widrow.engine.init.Initializers}. Every
 * random draw comes from the caller's {@link io.widrow.engine.tensor.Rng}, in element order, so the same
 * seed gives the same weights. Weights are fanOut × fanIn, row-major.
 */
package io.widrow.engine.init;
