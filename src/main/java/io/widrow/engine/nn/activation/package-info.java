/** Activation functions live here, apart from layers, so losses can pair with them and fuse their gradients. */
package io.widrow.engine.nn.activation;
