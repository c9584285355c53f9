package org.queuedesk.common.site;

/** A service's assumed service time for wait estimates with no measured times yet, in minutes. */
public record ServiceDefaultsDto(long serviceId, int defaultServiceMinutes) {
}
