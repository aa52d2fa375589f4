/** Losses live next to (not inside) the output activation so the cheap fused gradients a − t stay possible. */
package io.widrow.engine.nn.loss;
