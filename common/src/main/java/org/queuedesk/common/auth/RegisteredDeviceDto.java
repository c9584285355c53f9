package org.queuedesk.common.auth;

/** The answer to a registration: the only time the device token is shown; the server keeps just its hash. */
public record RegisteredDeviceDto(DeviceDto device, String token) {
}
