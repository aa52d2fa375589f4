/**
 * Data sets as the engine holds them: {@link io.widrow.engine.data.Dataset} (contiguous row-major floats
 * plus class indices or targets), seeded playground generators and the IDX (MNIST) reader. Pure JDK.
 */
package io.widrow.engine.data;
