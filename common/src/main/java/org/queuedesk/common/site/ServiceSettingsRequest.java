package org.queuedesk.common.site;

/**
 * A service's ticket prefix (one to three letters, unique in the site; tickets issued from then on use it) and
 * the queue position at which its patients get the "almost your turn" text (0-50).
 */
public record ServiceSettingsRequest(String prefix, Integer almostTurnPosition) {
}
