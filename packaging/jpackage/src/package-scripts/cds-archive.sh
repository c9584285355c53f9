#!/usr/bin/env bash
# Puts an AppCDS archive (lib/app/queuedesk.jsa) into a built app image, made by and for the image's own
# runtime and class path: a CDS archive is ignored by any other JDK build or class path. The launchers
# already name it (-XX:SharedArchiveFile=$APPDIR/queuedesk.jsa in app-image.args); while it is missing the
# JVM starts without it, so an image without the archive works, only slower.
#   1. a training run of the image's own launcher to its sign-in window records the classes it loads;
#   2. the same launcher dumps those classes (JDK and app alike: jlink's runtime has no CDS archive of its
#      own) into the archive the launchers name;
#   3. a run with -Xshare:on, which refuses to start without a usable archive, proves they use it.
# The training run needs a display: $DISPLAY, else a private Xvfb; with neither (or no window at all) it
# warns and leaves the image without the archive. A dump or check that fails after training fails the build.
# Usage: cds-archive.sh IMAGE_DIR   (e.g. target/jpackage/dist/QueueDesk)
set -euo pipefail
IMAGE=$1
LAUNCHER="$IMAGE/bin/QueueDesk"
ARCHIVE="$IMAGE/lib/app/queuedesk.jsa"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
note() { echo "[cds-archive] $*"; }

if [ -z "${DISPLAY:-}" ]; then
  if ! command -v Xvfb >/dev/null; then
    note "WARNING: no DISPLAY and no Xvfb: the image has no CDS archive and starts slower (apt-get install xvfb)"
    exit 0
  fi
  # -displayfd: Xvfb picks a free display and writes its number once it is ready
  Xvfb -displayfd 3 -screen 0 1366x768x24 3>"$WORK/display" >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB; rm -rf "$WORK"' EXIT
  for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  export DISPLAY=":$(cat "$WORK/display")"
fi
export NO_AT_BRIDGE=1  # no accessibility bus to wait for
# An address where nothing listens: the sign-in screen comes up with the server marked unreachable
TRAIN_ARGS=(--server=http://127.0.0.1:9)

run() { # JAVA_TOOL_OPTIONS, log name, launcher arguments...: the launcher adds its own options from its .cfg
  local options=$1 log=$2; shift 2
  JAVA_TOOL_OPTIONS="$options" "$LAUNCHER" "$@" >"$WORK/$log" 2>&1 || { cat "$WORK/$log"; return 1; }
}

rm -f "$ARCHIVE" "$IMAGE/lib/app/queuedesk.classlist"
# No window here (no GTK, say) is this machine's limit, not a broken image: warn, build without the archive
if ! run "-XX:DumpLoadedClassList=$WORK/classes.txt -Dqueuedesk.exitWhenShown=true" train.log "${TRAIN_ARGS[@]}" \
    || ! grep -q QUEUEDESK_READY "$WORK/train.log"; then
  tail -20 "$WORK/train.log"
  note "WARNING: the training run showed no window (libgtk-3-0 missing?): the image has no CDS archive"
  exit 0
fi
run "-Xshare:dump -XX:SharedClassListFile=$WORK/classes.txt" dump.log
# kept in the image: an installed copy makes its own archive from it (make-cds-archive.sh, the .deb's postinst)
cp "$WORK/classes.txt" "$IMAGE/lib/app/queuedesk.classlist"
[ -s "$ARCHIVE" ] || { cat "$WORK/dump.log"; note "no archive written"; exit 1; }
run "-Xshare:on -Xlog:cds=info -Dqueuedesk.exitWhenShown=true" check.log "${TRAIN_ARGS[@]}"
grep -q QUEUEDESK_READY "$WORK/check.log" || { cat "$WORK/check.log"; note "the launcher does not start with the archive"; exit 1; }
note "$(grep -v '^#' "$WORK/classes.txt" | grep -vc '^@') classes archived in $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)); the launchers use it"
