package org.queuedesk.common.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a report row counts: the whole site ({@code all}), one service, one doctor or one source of tickets. */
public enum ReportDimension {
    ALL, SERVICE, DOCTOR, SOURCE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
