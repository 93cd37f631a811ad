#!/usr/bin/env bash
# Relay benchmark: the gateway against its anchor, a private Postfix relay, in the same run.
#
#   bench/relay-bench.sh            (as root: Postfix's start needs it; loopback only)
#
# Both relays run side by side, each with its own smtp-sink (from the same package) as
# smarthost / relayhost: the gateway, and Postfix 3.7 from Debian's package (unpacked into
# target/bench, nothing installed system-wide; see bench/README.md and PERF-ANCHORS.md).
#   1. The gateway gets a warm-up pass (WARMUP messages, not measured): it is a JVM.
#   2. PAIRS alternating passes, gateway then Postfix: smtp-source -s 20 -l 5120 -m 20000 into
#      the relay, timed until every message got its 250 (acceptance) and until the relay's
#      smtp-sink (-M N: exits once N messages arrived) has counted all of them (end to end).
#      Alternating pairs keep a noisy machine from favouring one side; the report gives the
#      median and range of each figure and of the per-pair ratio.
#   3. bench/SmtpLatency.java against each relay: 20 sessions, DATA -> 250 latency (p50/p99).
#   4. The gateway's peak RSS (VmHWM), and the raw ceiling smtp-source -> smtp-sink.
# Prints a markdown table and writes it to target/bench/relay-bench-<UTC time>.md.
#
# Environment: MESSAGES (20000), PAIRS (3), WARMUP (4000), LATENCY_MESSAGES (5000), SIZE (5120),
# SESSIONS (20), SEMPGW_POSTFIX_DEB (the postfix .deb; else cached or apt-get download).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/target/bench"
MESSAGES="${MESSAGES:-20000}"
WARMUP="${WARMUP:-4000}"
PAIRS="${PAIRS:-3}"
LATENCY_MESSAGES="${LATENCY_MESSAGES:-5000}"
SIZE="${SIZE:-5120}"
SESSIONS="${SESSIONS:-20}"

BENCH_NAME=bench
. "$(dirname "$0")/common.sh"

[ "$(id -u)" -eq 0 ] || die "run as root (postfix start needs it)"

pick_jdk

# --- Postfix from Debian's package, unpacked as the end-to-end tests do (PostfixPackage) ---
find_deb() {
  if [ -n "${SEMPGW_POSTFIX_DEB:-}" ]; then
    [ -f "$SEMPGW_POSTFIX_DEB" ] || die "SEMPGW_POSTFIX_DEB=$SEMPGW_POSTFIX_DEB is not a file"
    echo "$SEMPGW_POSTFIX_DEB"; return
  fi
  local cache="$HOME/.cache/sempgw/debs"
  mkdir -p "$cache"
  if ! ls "$cache"/postfix_*.deb >/dev/null 2>&1; then
    (cd "$cache" && { apt-get download postfix >&2 || { apt-get update -qq && apt-get download postfix >&2; }; })
  fi
  ls "$cache"/postfix_*.deb | sort | tail -1
}
DEB="$(find_deb)"
PKG="$WORK/pkg/$(basename "$DEB" .deb)"
if [ ! -f "$PKG/.unpacked" ]; then
  rm -rf "$PKG"; mkdir -p "$PKG"; dpkg-deb -x "$DEB" "$PKG"; echo "$DEB" > "$PKG/.unpacked"
fi
export LD_LIBRARY_PATH="$PKG/usr/lib/postfix"
SINK_BIN="$PKG/usr/sbin/smtp-sink"
SOURCE_BIN="$PKG/usr/sbin/smtp-source"
POSTFIX_VERSION="$(dpkg-deb -f "$DEB" Version)"

# Accounts, chosen as PostfixAccounts does: mail_owner postfix|mail, default_privs nobody,
# setgid_group postdrop|sempgw-postdrop (created if missing).
MAIL_OWNER=postfix; getent passwd postfix >/dev/null || MAIL_OWNER=mail
getent passwd "$MAIL_OWNER" >/dev/null || die "neither a postfix nor a mail account exists"
SETGID_GROUP=postdrop
if ! getent group postdrop >/dev/null; then
  SETGID_GROUP=sempgw-postdrop
  getent group "$SETGID_GROUP" >/dev/null || groupadd --system "$SETGID_GROUP"
fi

free_port() {
  local p="$1"
  while (: <"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

wait_port() {
  local port="$1" i
  for i in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "${POSTFIX_ETC:-}" ] && [ -f "$POSTFIX_ETC/main.cf" ]; then
    "$PKG/usr/sbin/postfix" -c "$POSTFIX_ETC" stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# start_sink PORT COUNT: smtp-sink that exits after COUNT messages; sets SINK_PID.
start_sink() {
  "$SINK_BIN" -u nobody -M "$2" "127.0.0.1:$1" 256 &
  SINK_PID=$!; PIDS+=("$SINK_PID")
  wait_port "$1" || die "smtp-sink did not listen on $1"
}

# alive PID: the process exists and is not a zombie.
alive() { [ -r "/proc/$1/stat" ] && ! grep -qE '^[0-9]+ \(.*\) Z' "/proc/$1/stat" 2>/dev/null; }

# wait_sink TIMEOUT_S: waits for smtp-sink to exit (it has counted every message); sets SINK_DONE.
wait_sink() {
  local deadline=$(( $(date +%s) + $1 ))
  while alive "$SINK_PID"; do
    [ "$(date +%s)" -lt "$deadline" ] || { log "sink did not count every message within $1 s"; return 1; }
    sleep 0.02
  done
  SINK_DONE="$(now)"
}

# measure LABEL RELAY_PORT SINK_PORT N: one smtp-source pass; sets ACCEPT_RATE and E2E_RATE.
measure() {
  local label="$1" relay="$2" sinkport="$3" n="$4"
  start_sink "$sinkport" "$n"
  local t0 t1
  t0="$(now)"
  "$SOURCE_BIN" -s "$SESSIONS" -l "$SIZE" -m "$n" -f bench@sender.example -t sink@example.net -M bench.example \
    "127.0.0.1:$relay" || die "smtp-source failed against $label"
  t1="$(now)"
  wait_sink 600 || die "$label: not every message reached the sink"
  ACCEPT_RATE="$(rate "$n" "$t0" "$t1")"
  E2E_RATE="$(rate "$n" "$t0" "$SINK_DONE")"
  log "$label: $n messages, acceptance $ACCEPT_RATE msg/s, end to end $E2E_RATE msg/s"
}

# latency LABEL RELAY_PORT SINK_PORT: SmtpLatency pass; sets P50 and P99 (ms).
latency() {
  local label="$1" relay="$2" sinkport="$3" out
  start_sink "$sinkport" "$LATENCY_MESSAGES"
  out="$(java "$ROOT/bench/SmtpLatency.java" --port "$relay" --sessions "$SESSIONS" --messages "$LATENCY_MESSAGES" --size "$SIZE")" \
    || die "$label latency run failed: $out"
  wait_sink 600 || die "$label: latency messages did not all reach the sink"
  P50="$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$out")"
  P99="$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$out")"
  log "$label latency: $out"
}

rm -rf "$WORK/relay-run"; mkdir -p "$WORK/relay-run"
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the gateway -------------------------------------------------------------------------
GW_PORT="$(free_port 24025)"
GW_SINK="$(free_port $((GW_PORT + 1)))"
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

log "gateway warm-up: $WARMUP messages (not measured)"
measure "gateway warm-up" "$GW_PORT" "$GW_SINK" "$WARMUP"

# --- the anchor: a private Postfix relay (as PostfixConfig in the e2e tests) ---------------
PF_PORT="$(free_port $((GW_SINK + 1)))"
PF_SINK="$(free_port $((PF_PORT + 1)))"
# Postfix opens its queue and lock file as mail_owner: every directory above its own must be
# searchable by others (not so for a checkout under /root); else it lives under /tmp.
searchable_by_others() {
  local d; d="$(readlink -f "$1")"
  while [ "$d" != "/" ]; do
    [ "$(stat -c %A "$d" | cut -c10)" = "x" ] || [ "$(stat -c %A "$d" | cut -c10)" = "t" ] || return 1
    d="$(dirname "$d")"
  done
}
PF_DIR="$WORK/relay-run/postfix"
searchable_by_others "$WORK/relay-run" || PF_DIR="${TMPDIR:-/tmp}/sempgw-bench/postfix"
rm -rf "$PF_DIR"
POSTFIX_ETC="$PF_DIR/etc"
mkdir -p "$POSTFIX_ETC/dynamicmaps.cf.d" "$POSTFIX_ETC/postfix-files.d" "$PF_DIR/queue"
cp "$PKG/etc/postfix/postfix-files" "$POSTFIX_ETC/"
cp "$PKG/usr/share/postfix/dynamicmaps.cf" "$POSTFIX_ETC/"
cat > "$POSTFIX_ETC/main.cf" <<EOF
compatibility_level = 3.6
config_directory = $POSTFIX_ETC
meta_directory = $POSTFIX_ETC
queue_directory = $PF_DIR/queue
data_directory = $PF_DIR/data
daemon_directory = $PKG/usr/lib/postfix/sbin
command_directory = $PKG/usr/sbin
shlib_directory = $PKG/usr/lib/postfix
sendmail_path = $PKG/usr/sbin/sendmail
newaliases_path = $PKG/usr/sbin/newaliases
mailq_path = $PKG/usr/sbin/mailq
import_environment = MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG TZ LANG=C POSTLOG_SERVICE POSTLOG_HOSTNAME LD_LIBRARY_PATH=$PKG/usr/lib/postfix
mail_owner = $MAIL_OWNER
default_privs = nobody
setgid_group = $SETGID_GROUP
myhostname = postfix.bench.example
mydomain = bench.example
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
relay_domains =
mynetworks = 127.0.0.0/8
relayhost = [127.0.0.1]:$PF_SINK
local_transport = error:local delivery is disabled
alias_maps =
alias_database =
local_recipient_maps =
append_dot_mydomain = no
biff = no
smtputf8_enable = yes
smtp_dns_support_level = disabled
maillog_file = $PF_DIR/maillog
maillog_file_prefixes = $PF_DIR
queue_run_delay = 2s
minimal_backoff_time = 2s
maximal_backoff_time = 10s
EOF
cat > "$POSTFIX_ETC/master.cf" <<EOF
127.0.0.1:$PF_PORT inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
log "starting Postfix $POSTFIX_VERSION on :$PF_PORT, relayhost smtp-sink :$PF_SINK"
"$PKG/usr/sbin/postfix" -c "$POSTFIX_ETC" start >"$PF_DIR/start.log" 2>&1 || die "postfix start failed: $(cat "$PF_DIR/start.log")"
wait_port "$PF_PORT" || die "Postfix did not listen on $PF_PORT"

# --- alternating pairs, then latency --------------------------------------------------------
GW_E2E_ALL=(); GW_ACC_ALL=(); PF_E2E_ALL=(); PF_ACC_ALL=(); RATIO_ALL=()
for pair in $(seq 1 "$PAIRS"); do
  sleep 2
  measure "pair $pair/$PAIRS gateway" "$GW_PORT" "$GW_SINK" "$MESSAGES"
  GW_E2E_ALL+=("$E2E_RATE"); GW_ACC_ALL+=("$ACCEPT_RATE")
  sleep 2
  measure "pair $pair/$PAIRS postfix" "$PF_PORT" "$PF_SINK" "$MESSAGES"
  PF_E2E_ALL+=("$E2E_RATE"); PF_ACC_ALL+=("$ACCEPT_RATE")
  RATIO_ALL+=("$(awk -v g="${GW_E2E_ALL[-1]}" -v p="$E2E_RATE" 'BEGIN { printf "%.2f", g / p }')")
done
sleep 2
latency "gateway" "$GW_PORT" "$GW_SINK"
GW_P50="$P50"; GW_P99="$P99"
sleep 2
latency "postfix" "$PF_PORT" "$PF_SINK"
PF_P50="$P50"; PF_P99="$P99"
GW_RSS_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$GW_PID/status")"
kill "$GW_PID" 2>/dev/null || true
wait "$LAUNCHER_PID" 2>/dev/null || true
"$PKG/usr/sbin/postfix" -c "$POSTFIX_ETC" stop >/dev/null 2>&1 || true

# --- raw SMTP ceiling: smtp-source straight into smtp-sink (timed until smtp-source is done) ---
RAW_SINK="$(free_port $((PF_SINK + 1)))"
"$SINK_BIN" -u nobody "127.0.0.1:$RAW_SINK" 256 &
RAW_SINK_PID=$!; PIDS+=("$RAW_SINK_PID")
wait_port "$RAW_SINK" || die "smtp-sink did not listen on $RAW_SINK"
t0="$(now)"
"$SOURCE_BIN" -s "$SESSIONS" -l "$SIZE" -m "$MESSAGES" -f bench@sender.example -t sink@example.net -M bench.example \
  "127.0.0.1:$RAW_SINK" || die "smtp-source failed against smtp-sink"
RAW_RATE="$(rate "$MESSAGES" "$t0" "$(now)")"
kill "$RAW_SINK_PID" 2>/dev/null || true
log "raw smtp-source -> smtp-sink: $RAW_RATE msg/s"

# --- report --------------------------------------------------------------------------------
# summary VALUES...: "median (min-max)", or the value alone for one pass.
summary() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    if (NR == 1) printf "%s", v[1]; else printf "%s (%s-%s)", m, v[1], v[NR] }'
}
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
  echo "$PAIRS alternating pairs (gateway, then Postfix), median (min-max). The gateway had a warm-up pass of $WARMUP messages."
  echo "Latency: bench/SmtpLatency.java, $SESSIONS sessions, $LATENCY_MESSAGES messages, time from the end of DATA to the 250."
  echo
  echo "| relay | end to end msg/s | acceptance msg/s | DATA->250 p50 ms | DATA->250 p99 ms | peak RSS |"
  echo "|---|---|---|---|---|---|"
  echo "| semp-gateway | $(summary "${GW_E2E_ALL[@]}") | $(summary "${GW_ACC_ALL[@]}") | $GW_P50 | $GW_P99 | $((GW_RSS_KB / 1024)) MiB |"
  echo "| Postfix $POSTFIX_VERSION | $(summary "${PF_E2E_ALL[@]}") | $(summary "${PF_ACC_ALL[@]}") | $PF_P50 | $PF_P99 | - |"
  echo "| raw smtp-source -> smtp-sink | $RAW_RATE | - | - | - | - |"
  echo
  echo "Gateway / Postfix, end to end, per pair: **$(summary "${RATIO_ALL[@]}")** (pairs: ${RATIO_ALL[*]})."
} | tee "$REPORT"
log "report written to $REPORT"
