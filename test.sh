#!/usr/bin/env bash
# Runs every test: installs what the tests need and is missing (Debian 12; as root, or through sudo), then
# `mvn -B -ntp verify` with any extra arguments passed on, e.g. ./test.sh -pl queue-server -am -Dtest=RoleMatrixIT
# When everything is there it installs nothing and never touches apt, so a second run starts Maven at once.
set -euo pipefail
cd "$(dirname "$0")"

missing=()

has_command() {
  command -v "$1" >/dev/null 2>&1
}

has_package() {
  # shellcheck disable=SC2016 # ${…} is dpkg-query's format, not the shell's
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

# The build itself: JDK 17 and Maven 3.8 (Debian 12 ships 17 and 3.8.7).
has_command java || missing+=(openjdk-17-jdk-headless)
has_command mvn || missing+=(maven)
# cognito-local (the sign-in tests' Cognito emulator): the build runs `npm ci`, the tests run `node`.
# Checked as commands, not packages: a Node.js from NodeSource or nvm (with its own npm) is fine too.
has_command node || missing+=(nodejs)
has_command npm || missing+=(npm)
# The patient status page tests drive a headless Chromium; the same paths HeadlessChromium looks at.
[ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || [ -x /usr/bin/google-chrome ] || missing+=(chromium)
# The JavaFX UI tests run on headless Monocle with software rendering: no display, no GTK, no Xvfb.
# JavaFX still lays out text with Pango/FreeType/fontconfig (libjavafx_font_pango) and needs a font.
has_package libpangoft2-1.0-0 || missing+=(libpangoft2-1.0-0)
has_package fonts-dejavu-core || missing+=(fonts-dejavu-core)
# The server's tests against PostgreSQL start a throwaway cluster of Debian's PostgreSQL (testing/PostgresServer)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
# The server's Debian package test checks its unit with systemd-analyze (packaging/server, ServerDebIT);
# dpkg-deb builds and reads the package (part of dpkg, on every Debian)
has_command systemd-analyze || missing+=(systemd)

if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing what the tests need: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! has_command sudo; then
      echo "Missing: ${missing[*]}. Run this as root, or install them: apt-get install ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  # a fresh cloud machine often runs unattended-upgrades at boot: wait for its lock instead of failing
  apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600)
  "${apt[@]}" update
  "${apt[@]}" install -y "${missing[@]}"
fi

echo "== node $(node --version), npm $(npm --version)"
for browser in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -x "$browser" ]; then
    echo "== $("$browser" --version 2>/dev/null | sed -n 1p)"
    break
  fi
done

echo "== mvn -B -ntp verify $*"
exec mvn -B -ntp verify "$@"
