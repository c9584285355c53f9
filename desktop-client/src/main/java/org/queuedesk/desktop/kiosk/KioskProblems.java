package org.queuedesk.desktop.kiosk;

import java.util.Map;
import org.queuedesk.desktop.api.ApiException;

/**
 * Which of the kiosk's own texts answers a refusal from the server. A problem with a {@code type} of its own
 * is looked up by that type; one of type {@code about:blank} means what its HTTP status means (RFC 9457),
 * so it is looked up by the status. Anything else gets the generic text: a patient never sees the
 * server's English {@code detail}.
 */
final class KioskProblems {

    /** Problem types the server may send, by the last part of their URI, e.g. {@code …/problems/service-closed}. */
    private static final Map<String, String> BY_TYPE = Map.of(
            "service-closed", "kiosk.error.serviceClosed",
            "unknown-service", "kiosk.error.serviceGone",
            "too-many-requests", "kiosk.error.limit",
            "invalid-phone", "kiosk.phone.invalid");

    private static final Map<Integer, String> BY_STATUS = Map.of(
            401, "kiosk.error.outOfService",
            403, "kiosk.error.outOfService",
            404, "kiosk.error.serviceGone",
            409, "kiosk.error.serviceClosed",
            422, "kiosk.error.serviceGone",
            429, "kiosk.error.limit");

    static final String GENERIC = "kiosk.error.generic";

    private KioskProblems() {
    }

    static String messageKey(ApiException refusal) {
        if (refusal.fieldErrors().containsKey("phone")) {
            return "kiosk.phone.invalid";
        }
        String type = refusal.type();
        if (!"about:blank".equals(type)) {
            String name = type.substring(type.lastIndexOf('/') + 1);
            return BY_TYPE.getOrDefault(name, GENERIC);
        }
        return BY_STATUS.getOrDefault(refusal.status(), GENERIC);
    }
}
