package org.queuedesk.common.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bookable slot of a doctor: {@code start}/{@code end} are instants (send {@code start} back as
 * {@code slotStart} to book it); {@code localDate}/{@code localTime} ({@code HH:MM}) are the same start in the
 * site's time zone, for showing. {@code free} places of {@code capacity} are left.
 */
public record SlotDto(String doctor, Long roomId, Instant start, Instant end, LocalDate localDate, String localTime,
                      List<Long> serviceIds, int capacity, int free) {
}
