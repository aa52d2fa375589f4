#!/usr/bin/env bash
# Compiles the tests (the benchmark lives with them) and prints the GEMM throughput table.
# Usage: bench/run-gemm.sh [auto|vector|portable] [seconds-per-shape]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
path="${1:-auto}"
# Other builds on this 2-vCPU box skew the 2-thread figures: wait (up to 2 min) for a quiet machine.
if [[ -x /usr/bin/python3 && -f /work/shared/bench/sysmon.py ]]; then
  /usr/bin/python3 /work/shared/bench/sysmon.py wait --timeout 120 || echo "warning: machine busy, 2-thread figures are contaminated" >&2
fi
. bench/jvm-flags.sh
flags=$(engine_jvm_args)
if [[ "$path" == "portable" ]]; then
  # The portable path is what a JVM without the module gets; the FMA peak then cannot be measured.
  flags=$(sed -E 's/--add-modules[ =]jdk\.incubator\.vector//' <<<"$flags")
fi
# shellcheck disable=SC2086 # the flags are words
exec java $flags -Xmx1g -cp target/classes:target/test-classes io.widrow.bench.GemmBench "$path" "${2:-0.5}"
