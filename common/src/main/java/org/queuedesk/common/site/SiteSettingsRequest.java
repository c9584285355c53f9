package org.queuedesk.common.site;

/**
 * A site's settings an admin changes: its IANA time zone, the region of phone numbers typed without a country
 * code (ISO 3166, blank: none), and how many days it keeps patients' personal data (null: the server's
 * {@code --retention-days}).
 */
public record SiteSettingsRequest(String timeZone, String phoneRegion, Integer retentionDays) {
}
