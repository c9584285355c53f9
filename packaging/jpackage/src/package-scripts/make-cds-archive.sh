#!/bin/sh
# (Re)makes the AppCDS archive of an installed QueueDesk (lib/app/queuedesk.jsa, named by every launcher) in
# place, from the class list its build recorded (lib/app/queuedesk.classlist). Run by the .deb's postinst;
# run it again after moving or copying the app. JDK 17 accepts an archive only at the path and with the
# jars it was made with, so it cannot be shipped ready-made. No display needed: a dump only loads the
# listed classes. Without an archive the app starts as well, only slower.
set -e
app=$(dirname "$(readlink -f "$0")")
launcher="$(dirname "$(dirname "$app")")/bin/QueueDesk"
if [ ! -s "$app/queuedesk.classlist" ]; then
    echo "QueueDesk: no class list in $app (built without a display?): no start-up archive" >&2
    exit 0
fi
rm -f "$app/queuedesk.jsa"
log=$(mktemp)
# the launcher adds -XX:SharedArchiveFile=$APPDIR/queuedesk.jsa from its .cfg: the dump goes there
if JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/queuedesk.classlist" "$launcher" >"$log" 2>&1 \
        && [ -s "$app/queuedesk.jsa" ]; then
    rm -f "$log"
else
    cat "$log" >&2
    rm -f "$log" "$app/queuedesk.jsa"
    echo "QueueDesk: the start-up archive could not be made (the app starts without it, only slower)" >&2
    exit 1
fi
