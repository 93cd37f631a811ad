# Shared by the bench/*.sh scripts: logging with the script's name, and a JDK 25.
# Source it after setting BENCH_NAME.

log() { printf '[%s %s] %s\n' "$BENCH_NAME" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Uses the default java when it is 25 or later, else the first JDK 25 installed beside it.
pick_jdk() {
  if java -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then return; fi
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$d/bin/java" ]; then export JAVA_HOME="$d" PATH="$d/bin:$PATH"; return; fi
  done
  die "no JDK 25 found"
}
