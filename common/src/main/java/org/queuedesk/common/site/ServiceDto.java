package org.queuedesk.common.site;

/** A queue at a site, e.g. "General practice" with prefix "A". */
public record ServiceDto(long id, long siteId, String name, String prefix, int almostTurnPosition, boolean active) {
}
