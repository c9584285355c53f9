package org.queuedesk.common.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a report's date range is cut into rows: local days, ISO weeks (Monday to Sunday) or calendar months. */
public enum ReportPeriod {
    DAY, WEEK, MONTH;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReportPeriod fromWire(String value) {
        return ReportPeriod.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
