package org.queuedesk.common.notify;

/**
 * A site's text-message settings: the region (ISO 3166, e.g. {@code ES}) of phone numbers typed without a
 * country code, or null to require international format; and the default language of its messages.
 */
public record SmsSiteSettingsDto(Long siteId, String phoneRegion, String language) {
}
