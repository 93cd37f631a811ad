#!/usr/bin/env bash
# Bridge benchmark: the full SMTP -> SEMP -> SMTP path against a plain Postfix relay, in the same run.
#
#   bench/bridge-bench.sh            (as root: Postfix's start needs it; loopback only)
#
# The bridge: smtp-source -> gateway A (alpha.test, `./semp-gateway run`) -> SEMP federation
# over HTTPS -> gateway B (beta.test) -> smtp-sink, B's mailbox host. Both gateways are set up as
# an operator would: `dns-records` prints each one's records, which a private dnsmasq
# (Debian's dnsmasq-base) serves to both (`semp.dns_resolver`); each trusts the other's
# self-signed certificate (`semp.trust_file`); `mailbox add` provisions the sender
# (bench@alpha.test) and the recipient (sink@beta.test). SEMP host names resolve through a
# hosts file given to the JVMs (SEMPGW_JAVA_OPTS=-Djdk.net.hosts.file=...). Gateway A has no
# smarthost and beta.test no SMTP route, so a message that did not go over SEMP never reaches
# the sink and the pass fails.
# The anchor: a private Postfix 3.7 relay from Debian's package (relayhost = smtp-sink), as in
# relay-bench.sh.
#   1. Warm-up through the bridge (not measured: the first federation handshake, then the JVMs'
#      JIT): passes of WARMUP messages until the JIT compilers of A and B have settled
#      (warm_up in smtp-load.sh), at most WARMUP_MAX messages.
#   2. PAIRS alternating passes, bridge then Postfix: smtp-source -s 20 -l 5120 -m N, timed until
#      every message got its 250 (acceptance) and until smtp-sink (-M N) has counted all of them
#      (end to end). The report gives the median and range of each figure and of the ratio.
#   3. bench/SmtpLatency.java: 20 sessions, DATA -> 250 latency (p50/p99). Through the bridge the
#      250 waits for the first SEMP attempt (bridge.attempt_timeout), so it includes the whole
#      SEMP delivery to B and B's durable write.
#   4. Peak RSS (VmHWM) of both gateways, their CPU time per message over the measured passes
#      (and its kernel share), the whole machine's CPU time per message in every pass of either
#      side (measure in smtp-load.sh), and the raw ceiling smtp-source -> smtp-sink.
# Prints a markdown table and writes it to target/bench/bridge-bench-<UTC time>.md.
#
# Environment: MESSAGES (5000), PAIRS (3), WARMUP (1000), WARMUP_MAX (60000), JIT_SETTLED (25 per JVM),
# LATENCY_MESSAGES (2000), SIZE (5120), SUITES (both gateways' semp.suites, a TOML array; unset: the
# defaults, which prefer pq-kyber768-x25519),
# SESSIONS (20), SEMPGW_POSTFIX_DEB (the postfix .deb; else cached or apt-get download).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/target/bench"
RUN="$WORK/bridge-run"
MESSAGES="${MESSAGES:-5000}"
WARMUP="${WARMUP:-1000}"
WARMUP_MAX="${WARMUP_MAX:-60000}"
PAIRS="${PAIRS:-3}"
LATENCY_MESSAGES="${LATENCY_MESSAGES:-2000}"
SIZE="${SIZE:-5120}"
SESSIONS="${SESSIONS:-20}"
SENDER=bench@alpha.test
RECIPIENT=sink@beta.test

BENCH_NAME=bridge-bench
. "$(dirname "$0")/common.sh"

[ "$(id -u)" -eq 0 ] || die "run as root (postfix start needs it)"
DNSMASQ="$(command -v dnsmasq || true)"
[ -n "$DNSMASQ" ] || for d in /usr/sbin/dnsmasq /sbin/dnsmasq; do [ -x "$d" ] && DNSMASQ="$d"; done
[ -n "$DNSMASQ" ] || die "no dnsmasq: install Debian's dnsmasq-base (.ci/run does)"
pick_jdk

. "$(dirname "$0")/smtp-load.sh"

rm -rf "$RUN"; mkdir -p "$RUN"
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the two gateways ------------------------------------------------------------------------
free_port; A_SMTP="$PORT"; free_port; A_HTTPS="$PORT"
free_port; B_SMTP="$PORT"; free_port; B_HTTPS="$PORT"
free_port; BRIDGE_SINK="$PORT"; free_port; DNS_PORT="$PORT"

# gateway_toml DOMAIN SMTP HTTPS MAILBOX ROUTE_LINE RESOLVER TRUST: one gateway's configuration.
gateway_toml() {
  local domain="$1" smtp="$2" https="$3" mailbox="$4" route="$5" resolver="$6" trust="$7"
  cat <<EOF
data_dir = "$RUN/$domain-data"

[smtp]
listen = "127.0.0.1:$smtp"
hostname = "semp.$domain"

[queue]
min_backoff = "1s"
max_backoff = "10s"

[delivery.routes]
$route

[semp]
enabled = true
domain = "$domain"
server_id = "gw.$domain"
listen = "127.0.0.1:$https"
public_host = "semp.$domain"
mailboxes = ["$mailbox"]
EOF
  [ -z "${SUITES:-}" ] || echo "suites = $SUITES"
  [ -z "$resolver" ] || echo "dns_resolver = \"$resolver\""
  [ -z "$trust" ] || echo "trust_file = \"$trust\""
  cat <<EOF

[semp.rate_limit]
per_domain_hour = 10000000

[policy]
default_mode = "semp-preferred"

[bridge]
attempt_timeout = "30s"
EOF
}

[ -x "$ROOT/semp-gateway" ] || die "no launcher at $ROOT/semp-gateway"
log "building the gateway if needed (the launcher does it on first use)"
"$ROOT/semp-gateway" config --defaults >/dev/null || die "the launcher could not build or run the gateway"

# 1. keys, certificates and records, as an operator's first steps.
gateway_toml alpha.test "$A_SMTP" "$A_HTTPS" "$SENDER" "" "" "" > "$RUN/alpha.toml"
gateway_toml beta.test "$B_SMTP" "$B_HTTPS" "$RECIPIENT" "\"beta.test\" = \"[127.0.0.1]:$BRIDGE_SINK\"" "" "" > "$RUN/beta.toml"
"$ROOT/semp-gateway" dns-records --config "$RUN/alpha.toml" > "$RUN/alpha.zone" 2>>"$RUN/setup.log" || die "dns-records failed for alpha.test"
"$ROOT/semp-gateway" dns-records --config "$RUN/beta.toml" > "$RUN/beta.zone" 2>>"$RUN/setup.log" || die "dns-records failed for beta.test"
"$ROOT/semp-gateway" mailbox add "$SENDER" --config "$RUN/alpha.toml" >>"$RUN/setup.log" 2>&1 || die "mailbox add $SENDER failed"
"$ROOT/semp-gateway" mailbox add "$RECIPIENT" --config "$RUN/beta.toml" >>"$RUN/setup.log" 2>&1 || die "mailbox add $RECIPIENT failed"
cat "$RUN/alpha.test-data/tls/selfsigned-cert.pem" "$RUN/beta.test-data/tls/selfsigned-cert.pem" > "$RUN/trust.pem"

# 2. the DNS: the printed records (SRV, TXT, TLSA) in dnsmasq's syntax, the public hosts on loopback,
#    with the printed records' TTL (dnsmasq's default for its own records is 0: nothing could be cached).
{
  echo "local=/test/"
  cat "$RUN/alpha.zone" "$RUN/beta.zone" | awk '
    /^;/ || NF < 5 { next }
    { name = $1; sub(/\.$/, "", name) }
    $4 == "SRV"  { target = $8; sub(/\.$/, "", target); print "srv-host=" name "," target "," $7 "," $5 "," $6 }
    $4 == "TXT"  { value = substr($0, index($0, "\"")); gsub(/"[ \t]+"/, "\",\"", value); print "txt-record=" name "," value }
    $4 == "TLSA" { printf "dns-rr=%s,52,%02x%02x%02x%s\n", name, $5, $6, $7, $8 }'
  echo "host-record=semp.alpha.test,127.0.0.1"
  echo "host-record=semp.beta.test,127.0.0.1"
} > "$RUN/dnsmasq.conf"
DNSMASQ_USER=(); [ "$(id -un)" = root ] && DNSMASQ_USER=(--user=root)
"$DNSMASQ" --no-daemon --no-resolv --no-hosts --conf-file=/dev/null --port="$DNS_PORT" --listen-address=127.0.0.1 \
  --bind-interfaces --pid-file= --log-facility="$RUN/dnsmasq.log" --local-ttl=3600 "${DNSMASQ_USER[@]}" --conf-file="$RUN/dnsmasq.conf" &
PIDS+=("$!")
wait_port "$DNS_PORT" || die "dnsmasq did not listen on $DNS_PORT"

# 3. the gateways, resolving through it and trusting each other.
gateway_toml alpha.test "$A_SMTP" "$A_HTTPS" "$SENDER" "" "127.0.0.1:$DNS_PORT" "$RUN/trust.pem" > "$RUN/alpha.toml"
gateway_toml beta.test "$B_SMTP" "$B_HTTPS" "$RECIPIENT" "\"beta.test\" = \"[127.0.0.1]:$BRIDGE_SINK\"" \
  "127.0.0.1:$DNS_PORT" "$RUN/trust.pem" > "$RUN/beta.toml"
echo "127.0.0.1 localhost semp.alpha.test semp.beta.test" > "$RUN/hosts"
export SEMPGW_JAVA_OPTS="-Djdk.net.hosts.file=$RUN/hosts ${SEMPGW_JAVA_OPTS:-}"

# start_gateway NAME SMTP_PORT HTTPS_PORT: sets GW_PID (the JVM) and LAUNCHER_PID.
start_gateway() {
  "$ROOT/semp-gateway" run --config "$RUN/$1.toml" >"$RUN/gateway-$1.log" 2>&1 &
  LAUNCHER_PID=$!; PIDS+=("$LAUNCHER_PID")
  wait_port "$2" && wait_port "$3" || die "gateway $1 did not listen on $2 and $3; see $RUN/gateway-$1.log"
  GW_PID="$LAUNCHER_PID"
  if ! readlink "/proc/$GW_PID/exe" | grep -q java; then
    GW_PID="$(pgrep -P "$LAUNCHER_PID" java | head -1)"
    PIDS+=("$GW_PID")
  fi
}
start_gateway alpha "$A_SMTP" "$A_HTTPS"; A_PID="$GW_PID"
start_gateway beta "$B_SMTP" "$B_HTTPS"; B_PID="$GW_PID"
log "gateway A :$A_SMTP (https :$A_HTTPS) -> SEMP -> gateway B (https :$B_HTTPS) -> smtp-sink :$BRIDGE_SINK; dns :$DNS_PORT"

warm_up "bridge warm-up" "$A_SMTP" "$BRIDGE_SINK" "$WARMUP" "$WARMUP_MAX" "$A_PID" "$B_PID"

# --- the anchor: a private Postfix relay (as PostfixConfig in the e2e tests) ---------------
free_port; PF_PORT="$PORT"; free_port; PF_SINK="$PORT"
start_postfix_relay "$PF_PORT" "$PF_SINK" "$RUN"

# --- alternating pairs, then latency --------------------------------------------------------
# cpu_ticks_of PID: "user system" CPU time the process has used so far, in clock ticks.
cpu_ticks_of() { awk '{ print $14, $15 }' "/proc/$1/stat"; }
# cpu_used BEFORE AFTER: "total-seconds kernel-percent" between two cpu_ticks_of readings.
cpu_used() {
  awk -v a="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { split(a, x, " "); split(b, y, " ")
    u = y[1] - x[1]; k = y[2] - x[2]; printf "%.1f %.0f\n", (u + k) / hz, (u + k) ? 100 * k / (u + k) : 0 }'
}
A_TICKS0="$(cpu_ticks_of "$A_PID")"; B_TICKS0="$(cpu_ticks_of "$B_PID")"; DELIVERED0="$(grep -c "status=sent (semp; delivered" "$RUN/gateway-alpha.log" || true)"
compare_with_postfix bridge "$A_SMTP" "$BRIDGE_SINK"
read -r A_CPU A_KERNEL < <(cpu_used "$A_TICKS0" "$(cpu_ticks_of "$A_PID")")
read -r B_CPU B_KERNEL < <(cpu_used "$B_TICKS0" "$(cpu_ticks_of "$B_PID")")
A_RSS_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$A_PID/status")"
B_RSS_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$B_PID/status")"
SEMP_DELIVERED="$(grep -c "status=sent (semp; delivered" "$RUN/gateway-alpha.log" || true)"
MEASURED=$((SEMP_DELIVERED - DELIVERED0))
SMTP_TO_BETA="$(grep 'to=<sink@beta.test>' "$RUN/gateway-alpha.log" | grep 'status=sent' | grep -vc 'status=sent (semp;' || true)"
kill "$A_PID" "$B_PID" 2>/dev/null || true
"$PKG/usr/sbin/postfix" -c "$POSTFIX_ETC" stop >/dev/null 2>&1 || true

# --- raw SMTP ceiling -----------------------------------------------------------------------
raw_ceiling

# --- report --------------------------------------------------------------------------------
CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
JDK="$(java -version 2>&1 | head -1)"
DATE="$(date -u +%Y-%m-%d)"
REPORT="$WORK/bridge-bench-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "### Bridge benchmark, $DATE"
  echo
  echo "Machine: $(nproc) CPUs ($CPU), kernel $(uname -r), $JDK; Postfix $POSTFIX_VERSION (Debian package, private instance)."
  echo "Load average at start: $LOAD_AT_START (the raw row below shows how busy the machine was)."
  echo "Load: \`smtp-source -s $SESSIONS -l $SIZE -m $MESSAGES\` from $SENDER to $RECIPIENT; bridge = gateway A -> SEMP"
  echo "(HTTPS on loopback, discovery through dnsmasq) -> gateway B -> \`smtp-sink\`; anchor = Postfix relay -> \`smtp-sink\`."
  echo "$PAIRS alternating pairs (bridge, then Postfix), median (min-max). The bridge was warmed up with $WARMED_UP messages"
  echo "(until a pass of $WARMUP made $WARM_COMPILES JIT compilations in A and B; at most $((2 * ${JIT_SETTLED:-25})) wanted)."
  echo "SEMP suites offered by both gateways: ${SUITES:-the defaults (pq-kyber768-x25519 first)}."
  echo "Latency: bench/SmtpLatency.java, $SESSIONS sessions, $LATENCY_MESSAGES messages, time from the end of DATA to the 250."
  echo
  echo "| path | end to end msg/s | acceptance msg/s | DATA->250 p50 ms | DATA->250 p99 ms | peak RSS |"
  echo "|---|---|---|---|---|---|"
  echo "| bridge: SMTP -> gateway A -> SEMP -> gateway B -> SMTP | $(summary "${SUBJECT_E2E_ALL[@]}") | $(summary "${SUBJECT_ACC_ALL[@]}") | $SUBJECT_P50 | $SUBJECT_P99 | A $((A_RSS_KB / 1024)) MiB, B $((B_RSS_KB / 1024)) MiB |"
  echo "| Postfix $POSTFIX_VERSION relay | $(summary "${PF_E2E_ALL[@]}") | $(summary "${PF_ACC_ALL[@]}") | $PF_P50 | $PF_P99 | - |"
  echo "| raw smtp-source -> smtp-sink | $RAW_RATE | - | - | - | - |"
  echo
  echo "Bridge / Postfix, end to end, per pair: **$(summary "${RATIO_ALL[@]}")** (pairs: ${RATIO_ALL[*]})."
  echo "CPU per message over the measured passes (pairs and latency): gateway A $(awk -v c="$A_CPU" -v n="$MEASURED" 'BEGIN { printf "%.1f", n ? 1000 * c / n : 0 }') ms,"
  echo "gateway B $(awk -v c="$B_CPU" -v n="$MEASURED" 'BEGIN { printf "%.1f", n ? 1000 * c / n : 0 }') ms ($A_CPU s and $B_CPU s for $MEASURED messages; $A_KERNEL% and $B_KERNEL% of it in the kernel)."
  echo "CPU per message of the whole machine over each pass (load generator and sink included): bridge $(summary "${SUBJECT_CPU_ALL[@]}") ms,"
  echo "Postfix $(summary "${PF_CPU_ALL[@]}") ms. Steal (CPU the hypervisor gave to other guests) per pass: ${STEAL_ALL[*]} %."
  echo "Gateway A's log: $SEMP_DELIVERED recipients delivered over SEMP with a verified receipt, $SMTP_TO_BETA sent to <$RECIPIENT> over SMTP (must be 0)."
} | tee "$REPORT"
log "report written to $REPORT"
