package org.queuedesk.desktop.api;

/** What {@code GET /health} answered. */
public record HealthStatus(int httpStatus) {

    public boolean up() {
        return httpStatus >= 200 && httpStatus < 300;
    }
}
