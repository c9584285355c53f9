package org.queuedesk.common.site;

public record CreateRoomRequest(String name) {
}
