/** The mini-batch training loop for networks: batch order, target encoding, evaluation, early stopping and per-epoch metrics. */
package io.widrow.engine.train;
