package org.queuedesk.common.site;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** {@code names}: optional names per language, e.g. {@code {"es": "Consulta 1"}}. */
public record CreateRoomRequest(String name, Map<String, String> names) {

    // For callers in code only: Jackson would otherwise take a one-text constructor as a way to read a bare
    // JSON string, and a body of "Room 9" (or of any text) would create a room named after it.
    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public CreateRoomRequest(String name) {
        this(name, null);
    }
}
