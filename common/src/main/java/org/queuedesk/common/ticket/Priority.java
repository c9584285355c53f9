package org.queuedesk.common.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Priority classes, most urgent first; within a class the queue is first come, first served. */
public enum Priority {
    EMERGENCY, PRIORITY, APPOINTMENT, NORMAL;

    /** Sort key: lower is called earlier. */
    public int rank() {
        return ordinal();
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Priority fromWire(String value) {
        return Priority.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public static Priority fromRank(int rank) {
        return values()[rank];
    }
}
