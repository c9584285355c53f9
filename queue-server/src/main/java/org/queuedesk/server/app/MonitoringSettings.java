package org.queuedesk.server.app;

import java.util.Locale;
import java.util.Optional;

/**
 * How the server is watched: {@code --log-format} ({@code text}, the default, or {@code json}: JSON lines with
 * one access line per request) and {@code --metrics-token} (when set, {@code GET /metrics} needs
 * {@code Authorization: Bearer <token>}; unset, it stays public).
 */
public record MonitoringSettings(LogFormat logFormat, Optional<String> metricsToken) {

    /** A token shorter than this is a guess away; a Prometheus bearer token file holds any length. */
    static final int MIN_TOKEN_LENGTH = 16;

    public MonitoringSettings {
        metricsToken = metricsToken.map(String::strip);
        if (metricsToken.isPresent() && (metricsToken.get().length() < MIN_TOKEN_LENGTH
                || !metricsToken.get().chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("--metrics-token must be at least " + MIN_TOKEN_LENGTH
                    + " printable characters without spaces (e.g. from 'openssl rand -hex 32')");
        }
    }

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(LogFormat.TEXT, Optional.empty());
    }

    /** The flags' text; null or blank means the default. */
    static MonitoringSettings parse(String logFormat, String metricsToken) {
        var format = LogFormat.TEXT;
        if (logFormat != null && !logFormat.isBlank()) {
            try {
                format = LogFormat.valueOf(logFormat.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--log-format must be 'text' or 'json', not '" + logFormat + "'");
            }
        }
        return new MonitoringSettings(format, Optional.ofNullable(metricsToken).filter(t -> !t.isBlank()));
    }

    public MonitoringSettings withMetricsToken(String token) {
        return new MonitoringSettings(logFormat, Optional.of(token));
    }
}
