package org.queuedesk.common.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad an alert is, in rising order; a desk shows it in the tier's colour (amber, orange, red). */
public enum AlertTier {
    MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AlertTier fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
