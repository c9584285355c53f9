package org.queuedesk.server.ground;

import java.util.regex.Pattern;

/** What must not reach a log line whole. Phone numbers: {@link PhoneNumbers#maskAll}. */
public final class LogRedaction {

    /** A status link's token: {@code /t/} and 22 URL-safe characters (128 random bits). */
    private static final Pattern STATUS_LINK = Pattern.compile("/t/([A-Za-z0-9_-]{4})[A-Za-z0-9_-]{18}");
    /** A booking's manage link: {@code /m/} and 32 URL-safe characters (192 random bits); it can cancel the booking. */
    private static final Pattern MANAGE_LINK = Pattern.compile("/m/([A-Za-z0-9_-]{4})[A-Za-z0-9_-]{28}");

    private LogRedaction() {
    }

    /**
     * {@code text} with every status link's (and booking manage link's) token cut to its first four characters: a token lets whoever
     * holds it cancel the ticket, and staff can always fetch the full link through the API.
     */
    public static String statusLinks(String text) {
        return text == null ? null
                : MANAGE_LINK.matcher(STATUS_LINK.matcher(text).replaceAll("/t/$1…")).replaceAll("/m/$1…");
    }
}
