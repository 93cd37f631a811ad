#!/usr/bin/env bash
# Federation benchmark (issue 4): handshakes/s and envelopes/s between a sending and a receiving
# gateway stack on loopback, both suites, HTTP/2 and WebSocket, one session and 20 sessions
# (20 sending domains: a session is per peer domain), with the same stack in memory as the in-run
# anchor; envelopes measured at three depths: the delivery agent called directly, through each
# sender's SEMP queue and queue manager, and between two whole gateway instances (one session).
# Main class: gateway/src/test/java/sempgw/app/bench/FederationBench.java (its Javadoc says
# exactly what each row measures).
#
#   bench/fed-bench.sh                         every configuration (about 10 minutes)
#   ONLY='envelopes .* ws' bench/fed-bench.sh  only rows whose "what suite transport sessions" matches
#   JFR=1 ONLY='envelopes x25519.* ws 1$' bench/fed-bench.sh   also record a JFR profile
#
# Rows are "what suite transport sessions" with what = handshakes | envelopes | queued | gateways.
# Environment: WARMUP (3 s), DURATION (10 s, measured per configuration), PRIME (6 s: five unrecorded
# JVM warm-up passes before the first row), ENVELOPES (6000: pool
# of composed envelopes for the one-session rows; the 20-session rows get ENVELOPES/10 per domain;
# a row that used its pool up before DURATION says so: raise ENVELOPES on a fast machine),
# ONLY (regex), JFR (unset), JAVA_OPTS.
# Prints a markdown table (machine, CPU model, load average before/after, JDK) and appends it to
# target/bench/fed-bench-<UTC time>.md; the gateway log of the run goes to target/bench/fed-bench.log.
# It never fails on a number: a configuration with errors shows them in its row.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/bench"
WARMUP="${WARMUP:-3}"
DURATION="${DURATION:-10}"
ENVELOPES="${ENVELOPES:-6000}"
ONLY="${ONLY:-.}"
PRIME="${PRIME:-6}"

BENCH_NAME=fed-bench
. "$(dirname "$0")/common.sh"


# mvn ARGS...: offline first, online if a dependency is missing.
mvn() {
  (cd "$ROOT" && { ./mvnw -B -q -o "$@" 2>/dev/null || ./mvnw -B -q "$@"; })
}

build() {
  log "building the modules the gateway needs, then the gateway's benchmark classes"
  mvn -pl gateway -am install -DskipTests || die "build failed"
  mvn -pl gateway test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$OUT/fed-classpath.txt" || die "gateway test-compile failed"
  CP="$ROOT/gateway/target/test-classes:$ROOT/gateway/target/classes:$(cat "$OUT/fed-classpath.txt")"
}

mkdir -p "$OUT"
pick_jdk
build

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
REPORT="$OUT/fed-bench-$STAMP.md"
JVM=(-Dlogback.configurationFile="$ROOT/bench/fed-bench-logback.xml")
export FED_BENCH_LOG="$OUT/fed-bench.log"
if [ -n "${JFR:-}" ]; then
  JVM+=("-XX:StartFlightRecording=filename=$OUT/fed-bench-$STAMP.jfr,settings=profile")
  log "JFR recording to $OUT/fed-bench-$STAMP.jfr"
fi
log "running (warm-up ${WARMUP}s, ${DURATION}s per configuration, only '$ONLY'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java "${JVM[@]}" ${JAVA_OPTS:-} -cp "$CP" sempgw.app.bench.FederationBench \
  --warmup="$WARMUP" --duration="$DURATION" --prime="$PRIME" --envelopes="$ENVELOPES" --only="$ONLY" \
  --dir="$OUT/fed-run" --out="$REPORT"
log "report: $REPORT"
