package org.queuedesk.common.site;

/**
 * A site's settings: {@code retentionDays} is the site's own (null: it follows the server), and
 * {@code effectiveRetentionDays} what the purge applies to it.
 */
public record SiteSettingsDto(long siteId, String timeZone, String phoneRegion, Integer retentionDays,
                              int effectiveRetentionDays) {
}
