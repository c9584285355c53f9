package org.queuedesk.common.auth;

/**
 * A kiosk reports its receipt printer after a print attempt: {@code state} is one of {@code ok},
 * {@code offline}, {@code paper_out} or {@code failed}; {@code detail} is an optional short technical note.
 */
public record PrinterStatusRequest(String state, String detail) {

    public static final String OK = "ok";
    public static final String OFFLINE = "offline";
    public static final String PAPER_OUT = "paper_out";
    public static final String FAILED = "failed";
}
