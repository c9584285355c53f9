package org.queuedesk.common.site;

import java.util.Map;

/** {@code names}: optional names per language, e.g. {@code {"es": "Medicina general", "ar": "..."}}. */
public record CreateServiceRequest(String name, String prefix, Integer almostTurnPosition, Map<String, String> names) {

    public CreateServiceRequest(String name, String prefix, Integer almostTurnPosition) {
        this(name, prefix, almostTurnPosition, null);
    }
}
