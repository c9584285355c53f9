package org.queuedesk.server.appointment;

import static org.queuedesk.server.ground.Roles.KIOSKS;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.common.appointment.KioskCheckInDto;
import org.queuedesk.common.appointment.KioskCheckInRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.IdempotentHandler.Change;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.Reply;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteCatalog;

/**
 * A patient checks in at a kiosk by booking code or phone number (README, "Appointments"): only today's bookings
 * at the kiosk's own site, through the same check-in as reception's. The answers carry nothing a kiosk may not
 * show (no name, phone, code or doctor), and the problems differ by status only, so the kiosk says them in the
 * patient's language: 404 nothing to check in, 409 already checked in or missed ({@code currentState}), 429 too
 * many wrong tries ({@link WrongCodeLimit}).
 */
final class KioskCheckIn implements RouteSource {

    private final AppointmentService appointments;
    private final Clock clock;
    private final WrongCodeLimit wrongCodes;

    KioskCheckIn(AppointmentService appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
        this.wrongCodes = new WrongCodeLimit(clock);
    }

    @Override
    public void routes(Routes routes) {
        routes.idempotentPost("/api/sites/{siteId}/kiosk/check-in", KIOSKS,
                "A patient checks in at the kiosk by booking code or phone number (today's bookings at the kiosk's site)",
                KioskCheckInRequest.class, KioskCheckInDto.class, this::checkIn);
    }

    public Change checkIn(Context ctx, Principal caller) {
        long siteId = Requests.id(ctx, "siteId");
        if (caller.device() && !Long.valueOf(siteId).equals(caller.siteId())) {
            throw ApiProblem.forbidden("This kiosk belongs to site " + caller.siteId() + ", not " + siteId + ".");
        }
        var request = Requests.body(ctx, KioskCheckInRequest.class);
        KioskCheckInValidator.validate(request);
        String kiosk = caller.deviceId() != null ? "device " + caller.deviceId() : caller.name();
        if (wrongCodes.exhausted(kiosk)) {
            throw ApiProblem.tooManyRequests("This kiosk had " + WrongCodeLimit.MAX + " wrong booking codes or phone"
                    + " numbers in " + WrongCodeLimit.WINDOW.toMinutes() + " minutes; patients check in at reception"
                    + " until the oldest is that old.");
        }
        String actor = caller.name();
        return tx -> {
            var site = SiteCatalog.site(tx, siteId).orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
            LocalDate today = clock.instant().atZone(ZoneId.of(site.timeZone())).toLocalDate();
            var dao = tx.attach(AppointmentDao.class);
            List<AppointmentDto> found = request.code() != null && !request.code().isBlank()
                    ? dao.withCodeOn(siteId, today, BookingCodes.normalise(request.code()))
                    : dao.withPhoneOn(siteId, today, appointments.storedPhone(tx, siteId, request.phone()));
            // several bookings today for one phone: the next one by time (missed ones are no longer booked)
            var due = found.stream().filter(a -> a.state() == AppointmentState.BOOKED)
                    .min(Comparator.comparing(AppointmentDto::slotStart));
            if (due.isPresent()) {
                var done = appointments.checkIn(tx, due.get().id(), actor);
                return new Reply(200, new KioskCheckInDto(kioskView(done.ticket()), done.appointment().localTime(),
                        done.late()));
            }
            throw refusal(found, kiosk);
        };
    }

    private ApiProblem refusal(List<AppointmentDto> found, String kiosk) {
        for (AppointmentState state : List.of(AppointmentState.CHECKED_IN, AppointmentState.MISSED)) {
            if (found.stream().anyMatch(a -> a.state() == state)) {
                return ApiProblem.conflict(state == AppointmentState.CHECKED_IN
                        ? "This booking is already checked in: the patient's ticket is in the queue."
                        : "This booking was missed (nobody checked in by its slot's end and the grace period);"
                        + " reception can book another.", state.wireName());
            }
        }
        wrongCodes.missed(kiosk);
        return ApiProblem.notFound("No booking today at this site has that code or phone number; check it, or ask"
                + " at reception.");
    }

    /** What a kiosk may show of a ticket: no name, phone or doctor (README, "Privacy"). */
    private static TicketDto kioskView(TicketDto t) {
        return new TicketDto(t.id(), t.siteId(), t.serviceId(), t.number(), t.serviceDate(), t.state(), t.priority(),
                t.source(), null, null, null, t.roomId(), t.sessionId(), t.returnServiceId(), t.issuedAt(), t.queuedAt(),
                t.calledAt(), t.finishedAt(), t.recallCount());
    }
}
