/**
 * Optimizers ({@code sgd, momentum, nesterov, adam, rmsprop, adagrad}), built from an
 * {@link io.widrow.engine.optim.OptimizerSpec}. Element math lives in static
 * {@link io.widrow.engine.optim.OptimizerKernels}; each optimizer holds its per-parameter state arrays,
 * allocated once on the first step and keyed by list position, and can checkpoint them so that a resumed
 * run continues bit-identically. Optimizers never write gradients; L2 decay is folded in as ∇ + λθ.
 * {@link io.widrow.engine.optim.GradientClipping} is the exception that does mutate gradients.
 */
package io.widrow.engine.optim;
