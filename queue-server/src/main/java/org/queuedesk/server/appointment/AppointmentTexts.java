package org.queuedesk.server.appointment;

import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.server.ground.WriteTransaction;

/** Turns a booking into its text message (README, "Appointments"): only bookings with a phone get one. */
final class AppointmentTexts {

    private final AppointmentPorts ports;

    AppointmentTexts(AppointmentPorts ports) {
        this.ports = ports;
    }

    void send(WriteTransaction tx, AppointmentDto booking, AppointmentTextKind kind) {
        if (booking.phone() == null) {
            return;
        }
        ports.texts().write(tx, new AppointmentText(kind, booking.id(), booking.siteId(), booking.serviceId(),
                booking.roomId(), booking.phone(), booking.language(), booking.localDate(), booking.localTime(),
                ports.names().displayName(tx, booking.doctor()), booking.code()));
    }
}
