package org.queuedesk.desktop.ground;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Validates what the user typed as the server address. */
public final class ServerAddress {

    /** Why an address was refused; each value names a message key. */
    public enum Problem {
        EMPTY("start.server.error.empty"),
        NOT_HTTP("start.server.error.scheme"),
        MALFORMED("start.server.error.malformed");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private ServerAddress() {
    }

    /** The parsed address, or empty with the problem reported by {@link #problem(String)}. */
    public static Optional<URI> parse(String typed) {
        return problem(typed).isPresent() ? Optional.empty() : Optional.of(toUri(typed));
    }

    public static Optional<Problem> problem(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(Problem.EMPTY);
        }
        URI uri;
        try {
            uri = new URI(typed.trim());
        } catch (URISyntaxException e) {
            return Optional.of(Problem.MALFORMED);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(Problem.NOT_HTTP);
        }
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.of(Problem.MALFORMED);
        }
        return Optional.empty();
    }

    private static URI toUri(String typed) {
        return URI.create(typed.trim());
    }
}
