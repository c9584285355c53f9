package org.queuedesk.common.ticket;

/** Correct a waiting ticket's priority class. */
public record ChangePriorityRequest(Priority priority) {
}
