package org.queuedesk.common.site;

/**
 * Set the service time a service's wait estimate assumes until it has measured times of its own, in
 * whole minutes (1-240).
 */
public record DefaultServiceMinutesRequest(Integer minutes) {
}
