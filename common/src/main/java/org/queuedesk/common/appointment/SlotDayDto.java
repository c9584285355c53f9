package org.queuedesk.common.appointment;

import java.time.LocalDate;

/**
 * A day of the free-slot calendar (local date): {@code freePlaces} left in its slots still to come, and
 * {@code freeTimes}, the distinct start times with a place left (what a patient chooses among).
 */
public record SlotDayDto(LocalDate date, int freePlaces, int freeTimes) {
}
