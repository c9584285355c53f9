package org.queuedesk.desktop.live;

/** Where a desk's live picture stands, for the banner and the status bar (with the server's health). */
public enum LiveStatus {
    /** No desk is following the site (sign-in screen, kiosk, display). */
    OFF,
    /** The first snapshot and stream are on their way. */
    STARTING,
    /** Snapshot in, stream open: actions may be sent. */
    LIVE,
    /** The stream or a snapshot failed; retrying by itself. */
    RECONNECTING,
    /** The sign-in has ended (the refresh token was refused): only signing in again helps. */
    SIGN_IN_ENDED
}
