package org.queuedesk.desktop.api;

import org.queuedesk.common.Release;

/**
 * Whether the server this app talks to is of its own release line: the wire contract may change between
 * minor releases, so an app and a server whose major or minor version differ are told so at sign-in, in
 * words, instead of failing later on a field one of them does not know.
 */
public final class ServerRelease {

    private ServerRelease() {
    }

    /** @throws Mismatch when the server's release (from {@code /api/auth/config}) is of another major or minor */
    public static void check(String serverVersion) throws Mismatch {
        check(serverVersion, Release.current());
    }

    static void check(String serverVersion, String appVersion) throws Mismatch {
        if (!Release.compatible(appVersion, serverVersion)) {
            throw new Mismatch(serverVersion, appVersion);
        }
    }

    /** The server is of another release than this app. */
    public static final class Mismatch extends Exception {
        private final String serverVersion;
        private final String appVersion;

        Mismatch(String serverVersion, String appVersion) {
            super("server " + serverVersion + ", app " + appVersion, null, false, false);
            this.serverVersion = serverVersion;
            this.appVersion = appVersion;
        }

        public String serverVersion() {
            return serverVersion;
        }

        public String appVersion() {
            return appVersion;
        }
    }
}
