package org.queuedesk.desktop.appointment;

import java.time.Instant;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.SlotDto;

/**
 * One line of a day's appointments, already in words: a booking ({@code booking} set) or a free slot
 * ({@code slot} set). {@code phone} is masked as the server sends it.
 */
public record AppointmentRow(Kind kind, String doctor, Instant start, String time, String state, String name,
                             String phone, String code, String service, AppointmentDto booking, SlotDto slot) {

    /** What a line stands for; cancelled bookings are not shown (their place is free again). */
    public enum Kind { FREE, BOOKED, CHECKED_IN, MISSED }

    public Long id() {
        return booking == null ? null : booking.id();
    }
}
