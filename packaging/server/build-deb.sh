#!/usr/bin/env bash
# Builds the server's Debian package: the shaded jar, a Java runtime of its own made by jlink (so the package
# installs on a fresh Debian 12 with `dpkg -i` alone, offline), the systemd unit and the settings file.
# Usage: packaging/server/build-deb.sh [SERVER_JAR] [OUT_DIR]
#   defaults: queue-server/target/queuedesk-server.jar (build it first:
#   mvn -B -q -pl queue-server -am package -DskipTests) and packaging/server/target.
# Needs a JDK 17 with jmods/ (Debian: openjdk-17-jdk-headless) and dpkg-deb; no root, no fakeroot.
# Prints the path of the .deb it wrote.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$(realpath "${1:-$ROOT/queue-server/target/queuedesk-server.jar}")
OUT=$(realpath -m "${2:-$HERE/target}")
[ -f "$JAR" ] || { echo "No server jar at $JAR: mvn -B -q -pl queue-server -am package -DskipTests" >&2; exit 1; }
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -d "$JAVA_HOME/jmods" ] || { echo "No jmods in $JAVA_HOME: apt-get install openjdk-17-jdk-headless" >&2; exit 1; }

# Debian's version order: 0.1.0~SNAPSHOT sorts before the release 0.1.0
VERSION=$(sed -n '/<artifactId>queuedesk-parent</,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | sed 's/-/~/')
ARCH=$(dpkg --print-architecture)
STAGE="$OUT/deb-root"
rm -rf "$STAGE" && mkdir -p "$OUT"
cp -a "$HERE/src/deb" "$STAGE"

# The modules `jdeps --print-module-deps --ignore-missing-deps --multi-release 17` finds in the shaded jar
# (30 s, so not run here: run it again after adding a dependency), plus what is loaded only as a service:
# jdk.crypto.ec (TLS to AWS), jdk.localedata (time zone and language names), jdk.zipfs, java.management.
MODULES=java.base,java.desktop,java.instrument,java.naming,java.net.http,java.rmi,java.security.jgss,java.sql
MODULES+=,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.zipfs,java.management
mkdir -p "$STAGE/usr/lib/queuedesk"
# --generate-cds-archive: the JDK's classes start from a shared archive, as with a full JDK
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --output "$STAGE/usr/lib/queuedesk/runtime" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive >/dev/null
cp "$JAR" "$STAGE/usr/lib/queuedesk/queuedesk-server.jar"
chmod -R u+rwX,go+rX,go-w "$STAGE"

mkdir -p "$STAGE/usr/share/doc/queuedesk-server"
cp "$ROOT/README.md" "$STAGE/usr/share/doc/queuedesk-server/README.md"
SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -i -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" "$STAGE/DEBIAN/control"

DEB="$OUT/queuedesk-server_${VERSION}_${ARCH}.deb"
# --root-owner-group: files owned by root without fakeroot; gzip: the jar and runtime compress little more with xz
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$DEB" >/dev/null
rm -rf "$STAGE"
echo "$DEB"
