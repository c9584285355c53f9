package org.queuedesk.common.site;

import java.util.Map;

/** {@code names}: optional names per language, e.g. {@code {"es": "Consulta 1"}}. */
public record CreateRoomRequest(String name, Map<String, String> names) {

    public CreateRoomRequest(String name) {
        this(name, null);
    }
}
