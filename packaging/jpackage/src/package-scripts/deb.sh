#!/usr/bin/env bash
# Packages the built app image (dist/QueueDesk) as a .deb with jpackage (deb.args; needs fakeroot and
# dpkg-deb): installed in /opt/queuedesk-desktop, with menu entries. The image's AppCDS archive is left out,
# as it is valid only at the path where it was made; the package ships the class list and
# make-cds-archive.sh instead, and its postinst makes the archive at the installed path.
# Run by Maven in target/jpackage (profile deb); usage: deb.sh IMAGE_DIR
set -euo pipefail
IMAGE=$1
SCRIPTS=$(cd "$(dirname "$0")" && pwd)
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "jpackage --type deb needs $tool: apt-get install $tool" >&2; exit 1; }
done
rm -rf deb-image && mkdir deb-image
cp -a "$IMAGE" deb-image/QueueDesk
rm -f deb-image/QueueDesk/lib/app/queuedesk.jsa
install -m 755 "$SCRIPTS/make-cds-archive.sh" deb-image/QueueDesk/lib/app/make-cds-archive.sh
rm -f dist/*.deb
"${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/jpackage" @deb.args
rm -rf deb-image
ls dist/*.deb
