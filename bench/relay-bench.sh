#!/usr/bin/env bash
# Relay benchmark: the gateway against its anchor, a private Postfix relay, in the same run.
#
#   bench/relay-bench.sh            (as root: Postfix's start needs it; loopback only)
#
# Both relays run side by side, each with its own smtp-sink (from the same package) as
# smarthost / relayhost: the gateway, and Postfix 3.7 from Debian's package (unpacked into
# target/bench, nothing installed system-wide; see bench/README.md and PERF-ANCHORS.md).
#   1. The gateway is warmed up (not measured) in passes of WARMUP messages until its JIT compiler
#      has settled (warm_up in smtp-load.sh), at most WARMUP_MAX messages: a JVM's steady state.
#   2. PAIRS alternating passes, gateway then Postfix: smtp-source -s 20 -l 5120 -m 20000 into
#      the relay, timed until every message got its 250 (acceptance) and until the relay's
#      smtp-sink (-M N: exits once N messages arrived) has counted all of them (end to end).
#      Alternating pairs keep a noisy machine from favouring one side; the report gives the
#      median and range of each figure and of the per-pair ratio.
#   3. bench/SmtpLatency.java against each relay: 20 sessions, DATA -> 250 latency (p50/p99).
#   4. The gateway's peak RSS (VmHWM), and the raw ceiling smtp-source -> smtp-sink.
# Prints a markdown table and writes it to target/bench/relay-bench-<UTC time>.md.
#
# Environment: MESSAGES (20000), PAIRS (3), WARMUP (5000), WARMUP_MAX (60000), JIT_SETTLED (25),
# PAUSE (40 s between passes), LATENCY_MESSAGES (5000), SIZE (5120),
# SESSIONS (20), SEMPGW_POSTFIX_DEB (the postfix .deb; else cached or apt-get download).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/target/bench"
MESSAGES="${MESSAGES:-20000}"
WARMUP="${WARMUP:-5000}"
WARMUP_MAX="${WARMUP_MAX:-60000}"
PAIRS="${PAIRS:-3}"
LATENCY_MESSAGES="${LATENCY_MESSAGES:-5000}"
SIZE="${SIZE:-5120}"
SESSIONS="${SESSIONS:-20}"
# Longer than the kernel's dirty_expire_centisecs (30 s): on ext4 without a journal, inodes freed
# within that window are skipped when new ones are allocated, so one relay's 20,000 unlinks would
# slow the other's next pass (docs/benchmarks.md, Relay, 06:51 UTC).
PAUSE="${PAUSE:-40}"

BENCH_NAME=bench
. "$(dirname "$0")/common.sh"

[ "$(id -u)" -eq 0 ] || die "run as root (postfix start needs it)"

pick_jdk

. "$(dirname "$0")/smtp-load.sh"

rm -rf "$WORK/relay-run"; mkdir -p "$WORK/relay-run"
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the gateway -------------------------------------------------------------------------
NEXT_PORT=24025
free_port; GW_PORT="$PORT"; free_port; GW_SINK="$PORT"
GW_DATA="$WORK/relay-run/gateway-data"
cat > "$WORK/relay-run/gateway.toml" <<EOF
data_dir = "$GW_DATA"

[smtp]
listen = "127.0.0.1:$GW_PORT"
hostname = "gateway.bench.example"

[queue]
min_backoff = "1s"

[delivery]
smarthost = "[127.0.0.1]:$GW_SINK"
EOF
[ -x "$ROOT/semp-gateway" ] || die "no launcher at $ROOT/semp-gateway"
log "building the gateway if needed (the launcher does it on first use)"
"$ROOT/semp-gateway" config --defaults >/dev/null || die "the launcher could not build or run the gateway"
log "starting the gateway on :$GW_PORT, smarthost smtp-sink :$GW_SINK"
"$ROOT/semp-gateway" run --config "$WORK/relay-run/gateway.toml" >"$WORK/relay-run/gateway.log" 2>&1 &
LAUNCHER_PID=$!; PIDS+=("$LAUNCHER_PID")
wait_port "$GW_PORT" || die "the gateway did not listen on $GW_PORT; see $WORK/relay-run/gateway.log"
# The launcher may exec java or run it as a child: find the JVM.
GW_PID="$LAUNCHER_PID"
if ! readlink "/proc/$GW_PID/exe" | grep -q java; then
  GW_PID="$(pgrep -P "$LAUNCHER_PID" java | head -1)"
  PIDS+=("$GW_PID")
fi

warm_up "gateway warm-up" "$GW_PORT" "$GW_SINK" "$WARMUP" "$WARMUP_MAX" "$GW_PID"

# --- the anchor: a private Postfix relay (as PostfixConfig in the e2e tests) ---------------
free_port; PF_PORT="$PORT"; free_port; PF_SINK="$PORT"
start_postfix_relay "$PF_PORT" "$PF_SINK" "$WORK/relay-run"

# --- alternating pairs, then latency --------------------------------------------------------
compare_with_postfix gateway "$GW_PORT" "$GW_SINK"
GW_RSS_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$GW_PID/status")"
kill "$GW_PID" 2>/dev/null || true
wait "$LAUNCHER_PID" 2>/dev/null || true
"$PKG/usr/sbin/postfix" -c "$POSTFIX_ETC" stop >/dev/null 2>&1 || true

# --- raw SMTP ceiling -----------------------------------------------------------------------
raw_ceiling

# --- report --------------------------------------------------------------------------------
CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
JDK="$(java -version 2>&1 | head -1)"
DATE="$(date -u +%Y-%m-%d)"
REPORT="$WORK/relay-bench-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "### Relay benchmark, $DATE"
  echo
  echo "Machine: $(nproc) CPUs ($CPU), kernel $(uname -r), $JDK; Postfix $POSTFIX_VERSION (Debian package, private instance)."
  echo "Load average at start: $LOAD_AT_START (the raw row below shows how busy the machine was)."
  echo "Load: \`smtp-source -s $SESSIONS -l $SIZE -m $MESSAGES\` into the relay, smarthost/relayhost \`smtp-sink\` on loopback;"
  echo "$PAIRS alternating pairs (gateway, then Postfix), $PAUSE s apart, median (min-max). The gateway was warmed up with $WARMED_UP messages"
  echo "(until a pass of $WARMUP made $WARM_COMPILES JIT compilations; at most ${JIT_SETTLED:-25} wanted)."
  echo "Latency: bench/SmtpLatency.java, $SESSIONS sessions, $LATENCY_MESSAGES messages, time from the end of DATA to the 250."
  echo
  echo "| relay | end to end msg/s | acceptance msg/s | DATA->250 p50 ms | DATA->250 p99 ms | peak RSS |"
  echo "|---|---|---|---|---|---|"
  echo "| semp-gateway | $(summary "${SUBJECT_E2E_ALL[@]}") | $(summary "${SUBJECT_ACC_ALL[@]}") | $SUBJECT_P50 | $SUBJECT_P99 | $((GW_RSS_KB / 1024)) MiB |"
  echo "| Postfix $POSTFIX_VERSION | $(summary "${PF_E2E_ALL[@]}") | $(summary "${PF_ACC_ALL[@]}") | $PF_P50 | $PF_P99 | - |"
  echo "| raw smtp-source -> smtp-sink | $RAW_RATE | - | - | - | - |"
  echo
  echo "Gateway / Postfix, end to end, per pair: **$(summary "${RATIO_ALL[@]}")** (pairs: ${RATIO_ALL[*]})."
  echo "CPU per message of the whole machine over each pass (load generator and sink included): gateway $(summary "${SUBJECT_CPU_ALL[@]}") ms,"
  echo "Postfix $(summary "${PF_CPU_ALL[@]}") ms. Steal (CPU the hypervisor gave to other guests) per pass: ${STEAL_ALL[*]} %."
} | tee "$REPORT"
log "report written to $REPORT"
