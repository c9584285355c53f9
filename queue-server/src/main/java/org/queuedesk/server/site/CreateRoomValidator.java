package org.queuedesk.server.site;

import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.server.ground.Fields;

/** A new room: a short name (it has to fit the display board) and optional names per language. */
final class CreateRoomValidator {

    static final int MAX_NAME = 40;

    private CreateRoomValidator() {
    }

    static void validate(CreateRoomRequest request) {
        Fields.requiredText("name", request.name(), MAX_NAME);
        NamesValidator.validate(request.names(), MAX_NAME);
    }
}
