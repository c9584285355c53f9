package org.queuedesk.server.appointment;

import java.time.Instant;
import java.time.LocalDateTime;

/** A slot the schedule offers: its local start as planned and the instants it starts and ends. */
record PlannedSlot(String doctor, WorkBlock block, LocalDateTime localStart, Instant start, Instant end) {
}
