#!/usr/bin/env bash
# semp-core micro-benchmarks: JMH classes under semp-core/src/test/java/sempgw/core/bench, each
# run beside its anchor in the same JVM (ratios are the figures to compare; PERF-ANCHORS.md has
# semp-go's numbers for the same operations on this machine class).
#
#   bench/core-bench.sh              every group listed at the end of this file
#   ONLY=Handshake bench/core-bench.sh   only groups whose class matches the regex
#   BASELINE=/tmp/before bench/core-bench.sh   A/B: each group runs on an earlier build first
#       (a directory holding that build's semp-core classes/ and test-classes/, copied from
#       semp-core/target before the change), then on this one, back to back
#   CPU=1 bench/core-bench.sh        also print CPU microseconds per operation of the headline
#       figures (sempgw.core.bench.CpuPerOp), steadier than throughput on a loaded machine
#   Every run prints how fast this machine is against the anchors' (MachineAnchorBenchmark).
#
# Environment: FORKS (1), WARMUP_ITERS (3), ITERS (5), ITER_TIME (2s), THREADS (1),
# JMH_ARGS (extra JMH options, e.g. "-prof gc"), BASELINE, CPU.
# Prints JMH's table per group and appends it to target/bench/core-bench-<UTC date>.txt.
# Each group is one `run_group <benchmark regex>` line at the end: add yours there.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/bench"
FORKS="${FORKS:-1}"
WARMUP_ITERS="${WARMUP_ITERS:-3}"
ITERS="${ITERS:-5}"
ITER_TIME="${ITER_TIME:-2s}"
THREADS="${THREADS:-1}"
ONLY="${ONLY:-.}"
JMH_ARGS="${JMH_ARGS:-}"
BASELINE="${BASELINE:-}"
CPU="${CPU:-}"

BENCH_NAME=core-bench
. "$(dirname "$0")/common.sh"


build() {
  cd "$ROOT"
  log "compiling semp-core and its benchmarks"
  ./mvnw -B -q -o -pl semp-core test-compile 2>/dev/null || ./mvnw -B -q -pl semp-core test-compile
  ./mvnw -B -q -o -pl semp-core dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$OUT/core-classpath.txt" 2>/dev/null \
    || ./mvnw -B -q -pl semp-core dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$OUT/core-classpath.txt"
  DEPS="$(cat "$OUT/core-classpath.txt")"
  CP="$ROOT/semp-core/target/test-classes:$ROOT/semp-core/target/classes:$DEPS"
  if [ -n "$BASELINE" ]; then
    [ -d "$BASELINE/classes" ] && [ -d "$BASELINE/test-classes" ] || die "BASELINE needs classes/ and test-classes/"
    # The current test classes come after the baseline's, only to supply CpuPerOp to old builds.
    BASE_CP="$BASELINE/test-classes:$BASELINE/classes:$ROOT/semp-core/target/test-classes:$DEPS"
  fi
  REPORT="$OUT/core-bench-$(date -u +%Y%m%dT%H%M%SZ).txt"
  {
    echo "# semp-core benchmarks $(date -u +%FT%TZ)"
    echo "# cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) jdk=$(java -version 2>&1 | head -1)"
    echo "# cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  } > "$REPORT"
}

jmh() {
  local label="$1" cp="$2" regex="$3"
  log "running $regex ($label)"
  echo "# $label: $regex, load=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$REPORT"
  # shellcheck disable=SC2086
  java -cp "$cp" org.openjdk.jmh.Main "$regex" -f "$FORKS" -wi "$WARMUP_ITERS" -i "$ITERS" \
      -w "$ITER_TIME" -r "$ITER_TIME" -t "$THREADS" $JMH_ARGS 2>&1 \
    | tee /dev/stderr | sed -n '/^Benchmark /,$p' >> "$REPORT"
}

run_group() {
  local regex="$1"
  if ! [[ "$regex" =~ $ONLY ]]; then return; fi
  if [ -n "$BASELINE" ]; then jmh baseline "$BASE_CP" "$regex"; fi
  jmh current "$CP" "$regex"
}

# CPU time per operation (one JVM per figure; baseline first when BASELINE is set).
cpu_figure() {
  [ -n "$CPU" ] || return 0
  if ! [[ "$1" =~ $ONLY ]]; then return; fi
  local line
  if [ -n "$BASELINE" ]; then
    line="$(java -cp "$BASE_CP" sempgw.core.bench.CpuPerOp "$@")"
    echo "# cpu baseline load=$(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$REPORT" >&2
  fi
  line="$(java -cp "$CP" sempgw.core.bench.CpuPerOp "$@")"
  echo "# cpu current  load=$(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$REPORT" >&2
}

# This machine against the anchors' one (MachineAnchorBenchmark): CPU us per call of two
# BouncyCastle operations whose ops/s there the anchors give; the geometric mean of here/there
# estimates how semp-go's one-core figures would move on this machine.
machine_factor() {
  if ! [[ "MachineAnchorBenchmark" =~ $ONLY ]]; then return; fi
  local verify x25519
  verify="$(java -cp "$CP" sempgw.core.bench.CpuPerOp MachineAnchorBenchmark bouncyCastleEd25519Verify256 | sed -n 's/.*: \([0-9.]*\) us\/op.*/\1/p')"
  x25519="$(java -cp "$CP" sempgw.core.bench.CpuPerOp MachineAnchorBenchmark bouncyCastleX25519Agreement | sed -n 's/.*: \([0-9.]*\) us\/op.*/\1/p')"
  awk -v v="$verify" -v x="$x25519" 'BEGIN {
    fv = (1e6 / v) / (0.69 * 19262); fx = (1e6 / x) / (1.05 * 11084);
    printf "# machine: BouncyCastle Ed25519 verify %.0f/s (anchors: 13,291/s), X25519 %.0f/s (anchors: 11,638/s); this machine runs at %.2f of the anchors%s machine (%.2f, %.2f): semp-go x %.2f estimates semp-go here\n", 1e6 / v, 1e6 / x, sqrt(fv * fx), "\047", fv, fx, sqrt(fv * fx)
  }' | tee -a "$REPORT" >&2
}

mkdir -p "$OUT"
pick_jdk
build
trap 'log "report: $REPORT"' EXIT

# Handshakes, both suites, both sides in one thread, beside the primitive-only anchors
# (semp-go, one core: client 1,136/s baseline, 936/s PQ; federation 824/s, 725/s).
run_group 'sempgw.core.bench.HandshakeBenchmark'

# Envelopes, both suites, 1 and 10 recipients, 5 KB body: compose, compose + seal + encode, server
# receive, receive + client open (semp-go, one core, 1 recipient: compose 1,327/s baseline,
# 1,182/s PQ; compose+sign+encode 1,034/s, 883/s; receive 1,490/s, 1,616/s; open 999/s, 1,113/s).
run_group 'sempgw.core.bench.EnvelopeBenchmark'

machine_factor

# Headline figures as CPU time per operation (CPU=1), baseline and PQ suites.
for suite in x25519-chacha20-poly1305 pq-kyber768-x25519; do
  cpu_figure HandshakeBenchmark clientHandshake "suite=$suite"
  cpu_figure HandshakeBenchmark federationHandshake "suite=$suite"
  for op in compose composeAndSeal receive receiveAndOpen; do
    cpu_figure EnvelopeBenchmark "$op" "suite=$suite" recipients=1
  done
done
