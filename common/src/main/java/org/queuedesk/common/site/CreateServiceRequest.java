package org.queuedesk.common.site;

public record CreateServiceRequest(String name, String prefix, Integer almostTurnPosition) {
}
