package org.queuedesk.common.site;

/** A clinic with its own time zone; ticket numbers reset at its local midnight. */
public record SiteDto(long id, String name, String timeZone) {
}
