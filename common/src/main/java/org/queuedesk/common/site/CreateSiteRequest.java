package org.queuedesk.common.site;

public record CreateSiteRequest(String name, String timeZone) {
}
