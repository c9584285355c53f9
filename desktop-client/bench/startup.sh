#!/usr/bin/env bash
# Start-up benchmark (not a test): time from launch to the first usable window, CPU time and peak resident
# memory of the QueueDesk app (sign-in screen) beside a bare JavaFX window, each started RUNS times on a real
# (Xvfb) display, with the JDK's default CDS archive and with an AppCDS archive of its own.
# Usage: desktop-client/bench/startup.sh [RUNS] [APP_IMAGE]   (from the repository root, after `mvn install`)
# With APP_IMAGE (e.g. packaging/jpackage/target/jpackage/dist/QueueDesk) it also times that image's launcher
# without any CDS (-Xshare:off, as jlink leaves the runtime) and with its own archive (-Xshare:on).
set -euo pipefail
export NO_AT_BRIDGE=1  # skip the accessibility-bus probe (seconds under Xvfb) for both windows alike
RUNS=${1:-5}
IMAGE=${2:+$(realpath "$2")}
cd "$(dirname "$0")/.."
mvn -B -o -q compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -DincludeScope=runtime
rm -rf target/bench && mkdir -p target/bench/bare
# CDS archives only classes from jar files (not from target/classes), and checks each jar's size and time
# at start: jar both programs afresh, then train both archives again below.
jar cf target/bench/queuedesk.jar -C target/classes .
javac -cp "$(cat target/bench-cp.txt)" -d target/bench/bare bench/BareWindow.java
jar cf target/bench/bare.jar -C target/bench/bare .
CP="target/bench/queuedesk.jar:$(cat target/bench-cp.txt):target/bench/bare.jar"
if [ -z "${DISPLAY:-}" ]; then
  # -displayfd: Xvfb takes a free display (others may be benchmarking too) and writes its number when ready
  Xvfb -displayfd 3 -screen 0 1366x768x24 3>target/bench/display >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB' EXIT
  for _ in $(seq 100); do [ -s target/bench/display ] && break; sleep 0.1; done
  export DISPLAY=":$(cat target/bench/display)"
fi

APP=(org.queuedesk.desktop.app.Launcher --server=http://127.0.0.1:9)
BARE=(BareWindow)
JAVA=(java -Dprism.order=sw -Dqueuedesk.exitWhenShown=true -cp "$CP")
launch() { # extra JVM options..., --, main class and arguments
  local opts=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done
  shift
  "${JAVA[@]}" "${opts[@]}" "$@"
}

# Training runs: a dynamic archive (on top of the JDK's default one) of what each loads up to its window
launch -XX:ArchiveClassesAtExit=target/bench/app.jsa -- "${APP[@]}" >/dev/null 2>&1
launch -XX:ArchiveClassesAtExit=target/bench/bare.jsa -- "${BARE[@]}" >/dev/null 2>&1
# -Xshare:on fails the run instead of silently starting without the archive
CDS_APP=(-Xshare:on -XX:SharedArchiveFile=target/bench/app.jsa)
CDS_BARE=(-Xshare:on -XX:SharedArchiveFile=target/bench/bare.jsa)

NAMES=("bare window, default CDS" "bare window, own AppCDS" "QueueDesk, default CDS" "QueueDesk, AppCDS"
       "app image, no CDS" "app image, its AppCDS")
ROWS=(0 1 2 3)
[ -n "$IMAGE" ] && ROWS+=(4 5)
declare -a WALL CPU RSS
for k in "${ROWS[@]}"; do WALL[k]=0; CPU[k]=0; RSS[k]=0; done
measure() { # index, launch arguments...
  local k=$1; shift
  local opts=() start out ready kb cpu
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done
  shift
  local command=("${JAVA[@]}" "${opts[@]}")
  if [ "$1" = image ]; then  # the launcher brings its own options; ours go in through the JVM's variable
    shift
    command=(env JAVA_TOOL_OPTIONS="${opts[*]} -Dprism.order=sw -Dqueuedesk.exitWhenShown=true" "$IMAGE/bin/QueueDesk")
  fi
  start=$(date +%s%3N)
  out=$( { /usr/bin/time -f 'RSS_KB %M CPU_S %U %S' "${command[@]}" "$@"; } 2>&1 )
  ready=$(grep -o 'QUEUEDESK_READY [0-9]*' <<<"$out" | awk '{print $2}')
  kb=$(grep -o 'RSS_KB [0-9]*' <<<"$out" | awk '{print $2}')
  cpu=$(grep -o 'CPU_S [0-9.]* [0-9.]*' <<<"$out" | awk '{printf "%d", ($2 + $3) * 1000}')
  if [ -z "$ready" ]; then
    echo "run failed (${NAMES[k]}):" >&2; echo "$out" >&2; exit 1
  fi
  WALL[k]=$((WALL[k] + ready - start)); CPU[k]=$((CPU[k] + cpu)); RSS[k]=$((RSS[k] > kb ? RSS[k] : kb))
}
# Interleaved, so that load from other work on the machine falls on every variant alike
for i in $(seq "$RUNS"); do
  measure 0 -- "${BARE[@]}"
  measure 1 "${CDS_BARE[@]}" -- "${BARE[@]}"
  measure 2 -- "${APP[@]}"
  measure 3 "${CDS_APP[@]}" -- "${APP[@]}"
  if [ -n "$IMAGE" ]; then
    measure 4 -Xshare:off -- image "${APP[@]:1}"
    measure 5 -Xshare:on -- image "${APP[@]:1}"
  fi
done
echo "mean of $RUNS runs each; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
for k in "${ROWS[@]}"; do
  printf '%-26s first usable window after %5d ms, CPU %5d ms, peak RSS %3d MB\n' "${NAMES[k]}:" \
    $((WALL[k] / RUNS)) $((CPU[k] / RUNS)) $((RSS[k] / 1024))
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "QueueDesk / bare window, both default CDS:   $(ratio "${WALL[2]}" "${WALL[0]}")x"
echo "QueueDesk AppCDS / bare window, default CDS: $(ratio "${WALL[3]}" "${WALL[0]}")x"
echo "QueueDesk AppCDS / bare window, own AppCDS:  $(ratio "${WALL[3]}" "${WALL[1]}")x"
if [ -n "$IMAGE" ]; then
  echo "app image AppCDS / bare window, default CDS: $(ratio "${WALL[5]}" "${WALL[0]}")x"
fi
