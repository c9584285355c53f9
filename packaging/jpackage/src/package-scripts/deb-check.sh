#!/usr/bin/env bash
# Checks a built desktop .deb without installing it on this machine: extracts it to a throwaway root, checks
# its dependencies and scripts, makes the AppCDS archive there as its postinst does, and starts the app's
# launcher under Xvfb with -Xshare:on (which refuses to start unless the archive is used) until its first
# window is shown (QUEUEDESK_READY, printed by the app once its sign-in window is up).
# Usage: deb-check.sh DEB|DIR (the one .deb in DIR)   Needs xvfb (unless $DISPLAY is set) and the package's dependencies installed.
set -euo pipefail
DEB=$(realpath "$1")
if [ -d "$DEB" ]; then
  debs=("$DEB"/*.deb)
  [ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "[deb-check] not one .deb in $1" >&2; exit 1; }
  DEB=${debs[0]}
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "[deb-check] FAILED: $*" >&2; exit 1; }
note() { echo "[deb-check] $*"; }

depends=$(dpkg-deb -f "$DEB" Depends)
for dependency in libgtk-3-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  [[ $depends == *"$dependency"* ]] || fail "Depends lacks $dependency: $depends"
done
mkdir "$WORK/control" "$WORK/root"
dpkg-deb -e "$DEB" "$WORK/control"
for script in postinst prerm; do sh -n "$WORK/control/$script" || fail "$script is not valid sh"; done
grep -q '/opt/queuedesk-desktop/lib/app/make-cds-archive.sh' "$WORK/control/postinst" || fail "postinst makes no archive"
dpkg-deb -x "$DEB" "$WORK/root"
APP="$WORK/root/opt/queuedesk-desktop"
[ -x "$APP/bin/QueueDesk" ] || fail "no launcher at /opt/queuedesk-desktop/bin/QueueDesk"
[ ! -e "$APP/lib/app/queuedesk.jsa" ] || fail "ships an archive made elsewhere (JDK 17 would ignore it)"
[ -s "$APP/lib/app/queuedesk.classlist" ] || fail "no class list (the image was built without a display?)"

"$APP/lib/app/make-cds-archive.sh" || fail "make-cds-archive.sh"
note "archive made in place: $(du -h "$APP/lib/app/queuedesk.jsa" | cut -f1)"

if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || fail "no DISPLAY and no Xvfb (apt-get install xvfb)"
  Xvfb -displayfd 3 -screen 0 1366x768x24 3>"$WORK/display" >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB; rm -rf "$WORK"' EXIT
  for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  export DISPLAY=":$(cat "$WORK/display")"
fi
export NO_AT_BRIDGE=1
start=$(date +%s%N)
if ! JAVA_TOOL_OPTIONS="-Xshare:on -Dqueuedesk.exitWhenShown=true" timeout 120 "$APP/bin/QueueDesk" \
    --server=http://127.0.0.1:9 >"$WORK/start.log" 2>&1 || ! grep -q QUEUEDESK_READY "$WORK/start.log"; then
  cat "$WORK/start.log"
  fail "the installed app did not reach its first window with its archive"
fi
note "OK: the extracted package's launcher showed its first window with its AppCDS archive in $(( ($(date +%s%N) - start) / 1000000 )) ms"
