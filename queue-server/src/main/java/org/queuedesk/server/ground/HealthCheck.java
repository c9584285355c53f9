package org.queuedesk.server.ground;

/** A part the server needs besides its database (e.g. the sign-in provider), as {@code GET /health} shows it. */
public interface HealthCheck {

    /** The component's name in {@code /health}, e.g. {@code cognito}. */
    String name();

    Status check();

    /** Up, or down with a reason an operator can act on. */
    record Status(boolean up, String reason) {

        public static Status ok() {
            return new Status(true, null);
        }

        public static Status down(String reason) {
            return new Status(false, reason);
        }
    }
}
