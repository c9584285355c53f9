#!/usr/bin/env bash
# Start-up benchmark (not a test): time from launch to the first usable window, and peak resident memory,
# of the QueueDesk app (sign-in screen) beside a bare JavaFX window, each started RUNS times on a real
# (Xvfb) display. Usage: desktop-client/bench/startup.sh [RUNS]   (from the repository root)
set -euo pipefail
export NO_AT_BRIDGE=1  # skip the accessibility-bus probe (seconds under Xvfb) for both windows alike
RUNS=${1:-5}
cd "$(dirname "$0")/.."
mvn -B -o -q compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -DincludeScope=runtime
CP="target/classes:$(cat target/bench-cp.txt)"
mkdir -p target/bench
javac -cp "$CP" -d target/bench bench/BareWindow.java
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :77 -screen 0 1366x768x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB' EXIT
  export DISPLAY=:77
  sleep 1
fi
measure() { # name, main class, extra args
  local name=$1 main=$2; shift 2
  local total=0 rss=0
  for i in $(seq "$RUNS"); do
    local start out ready kb
    start=$(date +%s%3N)
    out=$( { /usr/bin/time -f 'RSS_KB %M' java -Dprism.order=sw -Dqueuedesk.exitWhenShown=true -cp "$CP:target/bench" "$main" "$@"; } 2>&1 )
    ready=$(grep -o 'QUEUEDESK_READY [0-9]*' <<<"$out" | awk '{print $2}')
    kb=$(grep -o 'RSS_KB [0-9]*' <<<"$out" | awk '{print $2}')
    total=$((total + ready - start)); rss=$((rss > kb ? rss : kb))
  done
  echo "$name: first usable window after $((total / RUNS)) ms (mean of $RUNS), peak RSS $((rss / 1024)) MB"
}
measure "bare JavaFX window" BareWindow
measure "QueueDesk (sign-in) " org.queuedesk.desktop.app.Launcher --server=http://127.0.0.1:9
