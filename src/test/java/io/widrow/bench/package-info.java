/** Throughput benchmarks run by the scripts in the top-level {@code bench/} directory; not tests. */
package io.widrow.bench;
