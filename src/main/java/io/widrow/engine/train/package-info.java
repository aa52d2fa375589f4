/**
 * The mini-batch training loop for networks: batch order, target encoding, evaluation, early stopping,
 * per-epoch metrics, and the versioned checkpoints from which a run resumes bit-identically.
 */
package io.widrow.engine.train;
