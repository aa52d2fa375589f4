/** Benchmark programs run by the scripts in bench/: measurements, never tests with timing thresholds. */
package io.widrow.bench;
