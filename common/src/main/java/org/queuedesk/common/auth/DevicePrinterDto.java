package org.queuedesk.common.auth;

import java.time.Instant;

/**
 * A kiosk's printer as last reported: {@code state} is one of the {@link PrinterStatusRequest} states and
 * {@code at} is when it entered that state. Holds no personal data, so displays may receive it too.
 */
public record DevicePrinterDto(long deviceId, String deviceName, String state, String detail, Instant at) {
}
