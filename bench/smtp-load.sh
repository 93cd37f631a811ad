#!/usr/bin/env bash
# Shared by relay-bench.sh and bridge-bench.sh, sourced after common.sh: Postfix from Debian's
# package (unpacked into target/bench, nothing installed), a private Postfix relay as the anchor,
# smtp-sink and smtp-source passes, and SmtpLatency passes. Needs ROOT, WORK, SESSIONS, SIZE,
# LATENCY_MESSAGES; SENDER and RECIPIENT default to bench@sender.example and sink@example.net;
# ports are taken from NEXT_PORT (default 25100) up; PAUSE (seconds, default 2) separates passes.
SENDER="${SENDER:-bench@sender.example}"
RECIPIENT="${RECIPIENT:-sink@example.net}"
NEXT_PORT="${NEXT_PORT:-25100}"
PAUSE="${PAUSE:-2}"

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

# free_port: the next loopback TCP port (from NEXT_PORT on) nothing listens on; sets PORT.
free_port() {
  local p="$NEXT_PORT"
  while (: <"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  PORT="$p"; NEXT_PORT=$((p + 1))
}

wait_port() {
  local port="$1" i
  for i in $(seq 1 600); do
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

# cpu_ticks: the machine's CPU time so far, in clock ticks (/proc/stat): "busy steal", where busy
# is user, nice, system, irq and softirq time and steal is time the hypervisor gave to others.
cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $9 }' /proc/stat; }

# measure LABEL PORT SINK_PORT N: one smtp-source pass; sets ACCEPT_RATE, E2E_RATE, PASS_CPU_MS (CPU
# time of the whole machine per message, load generator and sink included) and PASS_STEAL (% of
# the pass's CPU capacity taken by the hypervisor for others).
measure() {
  local label="$1" relay="$2" sinkport="$3" n="$4"
  start_sink "$sinkport" "$n"
  local t0 t1 ticks0 ticks1
  ticks0="$(cpu_ticks)"
  t0="$(now)"
  "$SOURCE_BIN" -s "$SESSIONS" -l "$SIZE" -m "$n" -f "$SENDER" -t "$RECIPIENT" -M bench.example \
    "127.0.0.1:$relay" || die "smtp-source failed against $label"
  t1="$(now)"
  wait_sink 900 || die "$label: not every message reached the sink"
  ticks1="$(cpu_ticks)"
  ACCEPT_RATE="$(rate "$n" "$t0" "$t1")"
  E2E_RATE="$(rate "$n" "$t0" "$SINK_DONE")"
  read -r PASS_CPU_MS PASS_STEAL < <(awk -v a="$ticks0" -v b="$ticks1" -v n="$n" -v hz="$(getconf CLK_TCK)" \
    -v s="$(awk -v a="$t0" -v b="$SINK_DONE" 'BEGIN { print b - a }')" -v cpus="$(nproc)" 'BEGIN {
      split(a, x, " "); split(b, y, " ")
      printf "%.1f %.0f\n", 1000 * (y[1] - x[1]) / hz / n, 100 * (y[2] - x[2]) / hz / (s * cpus) }')
  log "$label: $n messages, acceptance $ACCEPT_RATE msg/s, end to end $E2E_RATE msg/s, machine CPU $PASS_CPU_MS ms/msg, steal $PASS_STEAL%"
}

# jit_compilations PID...: methods the JIT compilers of these JVMs have compiled so far (jstat).
jit_compilations() {
  local n=0 p c
  for p in "$@"; do
    c="$(jstat -compiler "$p" 2>/dev/null | awk 'NR == 2 { print $1 }')"
    [ -n "$c" ] || die "jstat -compiler $p gave nothing (a JDK 25 jstat on PATH, and the JVM's perf data, are needed)"
    n=$((n + c))
  done
  echo "$n"
}

# warm_up LABEL PORT SINK_PORT PASS MAX PID...: the JVMs (PID...) run their steady state only once
# the JIT compiler has settled, which on 2 vCPUs takes one to three minutes of load (C2 threads
# take 20-30% of a gateway's CPU until then). Passes of PASS messages until one makes at most
# JIT_SETTLED (default 25) new compilations per JVM, or MAX messages were sent; sets WARMED_UP
# (messages sent) and WARM_COMPILES (compilations in the last pass, all JVMs).
warm_up() {
  local label="$1" port="$2" sinkport="$3" pass="$4" max="$5" before settled
  shift 5
  settled=$(( ${JIT_SETTLED:-25} * $# ))
  WARMED_UP=0
  while :; do
    before="$(jit_compilations "$@")"
    measure "$label" "$port" "$sinkport" "$pass"
    WARMED_UP=$((WARMED_UP + pass))
    WARM_COMPILES=$(( $(jit_compilations "$@") - before ))
    log "$label: $WARMED_UP messages so far, $WARM_COMPILES JIT compilations in the last $pass"
    [ "$WARM_COMPILES" -le "$settled" ] && return
    [ "$WARMED_UP" -lt "$max" ] || { log "$label: the JIT was still compiling after $WARMED_UP messages"; return; }
  done
}

# latency LABEL PORT SINK_PORT: SmtpLatency pass; sets P50 and P99 (ms).
latency() {
  local label="$1" relay="$2" sinkport="$3" out
  start_sink "$sinkport" "$LATENCY_MESSAGES"
  out="$(java "$ROOT/bench/SmtpLatency.java" --port "$relay" --sessions "$SESSIONS" --messages "$LATENCY_MESSAGES" \
    --size "$SIZE" --from "$SENDER" --to "$RECIPIENT")" || die "$label latency run failed: $out"
  wait_sink 900 || die "$label: latency messages did not all reach the sink"
  P50="$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$out")"
  P99="$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$out")"
  log "$label latency: $out"
}

searchable_by_others() {
  local d; d="$(readlink -f "$1")"
  while [ "$d" != "/" ]; do
    [ "$(stat -c %A "$d" | cut -c10)" = "x" ] || [ "$(stat -c %A "$d" | cut -c10)" = "t" ] || return 1
    d="$(dirname "$d")"
  done
}

# start_postfix_relay SMTP_PORT RELAYHOST_PORT RUN_DIR: a private Postfix relaying everything it
# takes on SMTP_PORT to [127.0.0.1]:RELAYHOST_PORT (as PostfixConfig in the end-to-end tests); sets
# POSTFIX_ETC and PF_DIR.
start_postfix_relay() {
  PF_DIR="$3/postfix"
  searchable_by_others "$3" || PF_DIR="${TMPDIR:-/tmp}/sempgw-bench/$(basename "$3")-postfix"
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
relayhost = [127.0.0.1]:$2
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
127.0.0.1:$1 inet n - n - - smtpd
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
  log "starting Postfix $POSTFIX_VERSION on :$1, relayhost smtp-sink :$2"
  "$PKG/usr/sbin/postfix" -c "$POSTFIX_ETC" start >"$PF_DIR/start.log" 2>&1 || die "postfix start failed: $(cat "$PF_DIR/start.log")"
  wait_port "$1" || die "Postfix did not listen on $1"
}

# compare_with_postfix LABEL PORT SINK_PORT: PAIRS alternating passes, the subject (LABEL, taking
# SMTP on PORT and delivering to smtp-sink on SINK_PORT) then the Postfix anchor (start_postfix_relay
# on PF_PORT, relayhost PF_SINK), then a latency pass of each. Alternating pairs keep a noisy machine
# from favouring one side. Sets SUBJECT_E2E_ALL, SUBJECT_ACC_ALL, PF_E2E_ALL, PF_ACC_ALL, RATIO_ALL
# (end to end, per pair), SUBJECT_CPU_ALL and PF_CPU_ALL (machine CPU ms per message), STEAL_ALL
# (steal % of every pass), SUBJECT_P50/P99 and PF_P50/P99.
compare_with_postfix() {
  local label="$1" port="$2" sinkport="$3" pair
  SUBJECT_E2E_ALL=(); SUBJECT_ACC_ALL=(); PF_E2E_ALL=(); PF_ACC_ALL=(); RATIO_ALL=()
  SUBJECT_CPU_ALL=(); PF_CPU_ALL=(); STEAL_ALL=()
  for pair in $(seq 1 "$PAIRS"); do
    sleep "$PAUSE"
    measure "pair $pair/$PAIRS $label" "$port" "$sinkport" "$MESSAGES"
    SUBJECT_E2E_ALL+=("$E2E_RATE"); SUBJECT_ACC_ALL+=("$ACCEPT_RATE"); SUBJECT_CPU_ALL+=("$PASS_CPU_MS"); STEAL_ALL+=("$PASS_STEAL")
    sleep "$PAUSE"
    measure "pair $pair/$PAIRS postfix" "$PF_PORT" "$PF_SINK" "$MESSAGES"
    PF_E2E_ALL+=("$E2E_RATE"); PF_ACC_ALL+=("$ACCEPT_RATE"); PF_CPU_ALL+=("$PASS_CPU_MS"); STEAL_ALL+=("$PASS_STEAL")
    RATIO_ALL+=("$(awk -v g="${SUBJECT_E2E_ALL[-1]}" -v p="$E2E_RATE" 'BEGIN { printf "%.2f", g / p }')")
  done
  sleep "$PAUSE"
  latency "$label" "$port" "$sinkport"
  SUBJECT_P50="$P50"; SUBJECT_P99="$P99"
  sleep "$PAUSE"
  latency "postfix" "$PF_PORT" "$PF_SINK"
  PF_P50="$P50"; PF_P99="$P99"
}

# raw_ceiling: smtp-source straight into smtp-sink, timed until smtp-source is done; sets RAW_RATE.
raw_ceiling() {
  local sink t0
  free_port; sink="$PORT"
  "$SINK_BIN" -u nobody "127.0.0.1:$sink" 256 &
  local pid=$!; PIDS+=("$pid")
  wait_port "$sink" || die "smtp-sink did not listen on $sink"
  t0="$(now)"
  "$SOURCE_BIN" -s "$SESSIONS" -l "$SIZE" -m "$MESSAGES" -f "$SENDER" -t "$RECIPIENT" -M bench.example \
    "127.0.0.1:$sink" || die "smtp-source failed against smtp-sink"
  RAW_RATE="$(rate "$MESSAGES" "$t0" "$(now)")"
  kill "$pid" 2>/dev/null || true
  log "raw smtp-source -> smtp-sink: $RAW_RATE msg/s"
}

# summary VALUES...: "median (min-max)", or the value alone for one pass.
summary() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    if (NR == 1) printf "%s", v[1]; else printf "%s (%s-%s)", m, v[1], v[NR] }'
}
