package org.queuedesk.common.online;

/** An admin opens or closes a service to remote joining ({@link RemoteJoiningDto} says what each field means). */
public record RemoteJoiningRequest(Boolean open, String opensAt, String closesAt, Integer maxWaiting) {
}
