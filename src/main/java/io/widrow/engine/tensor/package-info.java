/** Row-major float matrices, the GEMM kernels every layer calls, and the seeded random source: the only place the engine's hot loops live. */
package io.widrow.engine.tensor;
