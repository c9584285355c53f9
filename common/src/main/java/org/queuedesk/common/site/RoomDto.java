package org.queuedesk.common.site;

/** A consulting room that patients are called to. */
public record RoomDto(long id, long siteId, String name) {
}
