package org.queuedesk.desktop.doctor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.common.event.AppointmentEvent;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.live.LateCheckIns;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;

/**
 * The signed-in doctor's appointments today (booked, checked in, missed; cancelled ones are gone), beside the
 * queue: read with the site's picture and again after each {@code appointment.*} event. Also tells which
 * waiting ticket came from a late check-in, which the ticket alone does not say ({@link LateCheckIns}).
 */
public final class DoctorDay {

    /** One booking of the day, in words. */
    public record Row(long id, String time, String name, String state) {
    }

    private final LiveSite live;
    private final BackgroundExecutor background;
    private final TicketText text;
    private final String doctor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Runnable changed;
    private List<AppointmentDto> bookings = List.of();
    private boolean read;
    private int reads;

    DoctorDay(LiveSite live, BackgroundExecutor background, TicketText text, String doctor, Runnable changed) {
        this.live = live;
        this.background = background;
        this.text = text;
        this.doctor = doctor;
        this.changed = changed;
        live.onEvent(event -> {
            if (event instanceof AppointmentEvent) {
                reload();
            }
        });
        live.onChange(() -> {
            if (!read) {
                reload();
            }
        });
    }

    /** Reads today's bookings of this doctor again, off the FX thread. */
    public void reload() {
        var snapshot = live.snapshot();
        if (snapshot == null || doctor.isEmpty()) {
            return;
        }
        read = true;
        long siteId = snapshot.site().id();
        LocalDate today = LocalDate.now(text.clock().withZone(ZoneId.of(snapshot.site().timeZone())));
        QueueDeskClient client = live.client();
        int mine = ++reads;
        background.run(() -> client.appointments(siteId, today, doctor), fresh -> {
            if (mine == reads) {
                bookings = fresh.stream().filter(b -> b.state() != AppointmentState.CANCELLED)
                        .sorted(Comparator.comparing(AppointmentDto::slotStart)).toList();
                show();
                changed.run();
            }
        }, failure -> read = false); // the next change of the site tries again
    }

    /** The rows again, with ticket numbers and late marks as the board knows them now. */
    void show() {
        rows.setAll(bookings.stream().map(b -> new Row(b.id(), b.localTime(),
                b.patientName() == null ? "" : b.patientName(), state(b))).toList());
    }

    private String state(AppointmentDto b) {
        if (b.state() == AppointmentState.CHECKED_IN) {
            Optional<TicketDto> ticket = b.ticketId() == null ? Optional.empty() : live.board().ticket(b.ticketId());
            String number = ticket.map(TicketDto::number).orElse("");
            return text.format(ticket.filter(t -> LateCheckIns.queuedByArrival(t, b)).isPresent()
                    ? "appointments.state.checked_in_late" : "appointments.state.checked_in", number);
        }
        return text.format("appointments.state." + b.state().wireName().toLowerCase(Locale.ROOT));
    }

    /** A waiting ticket that came from one of today's bookings checked in late: it waits by its arrival. */
    public boolean lateCheckIn(TicketDto ticket) {
        return bookings.stream().anyMatch(b -> LateCheckIns.queuedByArrival(ticket, b));
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
