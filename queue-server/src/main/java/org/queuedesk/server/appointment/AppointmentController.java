package org.queuedesk.server.appointment;

import static org.queuedesk.server.ground.Roles.ADMINS;
import static org.queuedesk.server.ground.Roles.FRONT_DESK;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Routes.listOf;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.queuedesk.common.Role;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentSettingsDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.CheckInDto;
import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.common.appointment.ScheduleDto;
import org.queuedesk.common.appointment.ScheduleExceptionRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.appointment.SlotDayDto;
import org.queuedesk.common.appointment.SlotPageDto;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.IdempotentHandler.Change;
import org.queuedesk.server.ground.PhoneNumbers;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.Reply;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;
import org.queuedesk.server.site.SiteService;
import org.queuedesk.server.ticket.StaffView;

/**
 * HTTP for schedules and appointments. Admins keep schedules; the front desk books, moves, cancels and checks
 * in; every staff member reads, a doctor only their own schedule and day.
 */
public final class AppointmentController implements RouteSource {

    /** How many free slots one page of the search has when the caller does not say, and at most. */
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    private final AppointmentService appointments;
    private final SiteService sites;
    private final Clock clock;
    private final KioskCheckIn kioskCheckIn;

    public AppointmentController(AppointmentService appointments, SiteService sites, Clock clock) {
        this.appointments = appointments;
        this.sites = sites;
        this.clock = clock;
        this.kioskCheckIn = new KioskCheckIn(appointments, clock);
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/api/sites/{siteId}/schedules/{doctor}", STAFF,
                "A doctor's schedule at a site: weekly blocks and dated exceptions (a doctor: their own)",
                ScheduleDto.class, this::schedule);
        routes.put("/api/sites/{siteId}/schedules/{doctor}", ADMINS,
                "Replace a doctor's weekly schedule at a site (dated exceptions stay)", ScheduleRequest.class,
                ScheduleDto.class, this::replaceSchedule);
        routes.create("/api/sites/{siteId}/schedules/{doctor}/exceptions", ADMINS,
                "Set a dated exception: a day off, or other hours that day", ScheduleExceptionRequest.class,
                ScheduleDto.class, this::putException);
        routes.deleteNoContent("/api/sites/{siteId}/schedules/{doctor}/exceptions/{date}", ADMINS,
                "Remove a dated exception: the weekly schedule applies again that day", this::deleteException);
        routes.get("/api/sites/{siteId}/appointment-settings", STAFF, "A site's grace period for late check-ins",
                AppointmentSettingsDto.class, this::settings);
        routes.put("/api/sites/{siteId}/appointment-settings", ADMINS,
                "Set a site's grace period: how late a patient keeps their slot's place (0-240 minutes)",
                AppointmentSettingsDto.class, AppointmentSettingsDto.class, this::changeSettings);
        routes.get("/api/sites/{siteId}/slots", STAFF,
                "The first free slots of a service from a day (?serviceId=&doctor=&from=&to=&limit=&after=: local"
                        + " dates, at most 62 days; limit 1-" + MAX_LIMIT + ", default " + DEFAULT_LIMIT
                        + "; after: the previous page's next)", SlotPageDto.class, this::slots);
        routes.get("/api/sites/{siteId}/slot-days", STAFF,
                "A service's free places and free times per day (?serviceId=&doctor=&from=&to=, local dates, at most"
                        + " 62 days): the calendar of a booking", listOf(SlotDayDto.class), this::slotDays);
        routes.idempotentCreate("/api/appointments", FRONT_DESK, "Book an appointment", BookAppointmentRequest.class,
                AppointmentDto.class, this::book);
        routes.get("/api/sites/{siteId}/appointments", STAFF,
                "A site's appointments on a day (?date=&doctor=; a doctor: their own), or the one with ?code=",
                listOf(AppointmentDto.class), this::list);
        routes.get("/api/appointments/{appointmentId}", STAFF, "Get an appointment", AppointmentDto.class, this::find);
        routes.idempotentPost("/api/appointments/{appointmentId}/move", FRONT_DESK, "Move an appointment to another slot",
                MoveAppointmentRequest.class, AppointmentDto.class, this::move);
        routes.idempotentPost("/api/appointments/{appointmentId}/cancel", FRONT_DESK, "Cancel an appointment", null,
                AppointmentDto.class, this::cancel);
        routes.idempotentPost("/api/appointments/{appointmentId}/check-in", FRONT_DESK,
                "Check a patient in: their appointment becomes a ticket in its service's queue", null, CheckInDto.class,
                this::checkIn);
        kioskCheckIn.routes(routes);
    }

    public void schedule(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        String doctor = ownDoctor(ctx, ctx.pathParam("doctor"));
        sites.site(siteId);
        ctx.json(appointments.schedule(siteId, doctor));
    }

    public void replaceSchedule(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        String doctor = ctx.pathParam("doctor");
        var request = Requests.body(ctx, ScheduleRequest.class);
        ScheduleValidator.validate(request);
        ctx.json(appointments.replaceSchedule(siteId, doctor, request));
    }

    public void putException(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        String doctor = ctx.pathParam("doctor");
        var request = Requests.body(ctx, ScheduleExceptionRequest.class);
        ScheduleExceptionValidator.validate(request);
        ctx.status(201).json(appointments.putException(siteId, doctor, request));
    }

    public void deleteException(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        LocalDate date;
        try {
            date = LocalDate.parse(ctx.pathParam("date"));
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("date", "use a date like 2026-11-23.");
        }
        appointments.deleteException(siteId, ctx.pathParam("doctor"), date);
        ctx.status(204);
    }

    public void settings(Context ctx) {
        ctx.json(appointments.settings(Requests.id(ctx, "siteId")));
    }

    public void changeSettings(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        var request = Requests.body(ctx, AppointmentSettingsDto.class);
        AppointmentSettingsValidator.validate(request);
        ctx.json(appointments.changeSettings(siteId, request));
    }

    public void slots(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        long serviceId = serviceId(ctx);
        LocalDate from = fromOrToday(ctx, siteId);
        LocalDate to = Requests.dateOr(ctx, "to", from.plusDays(6));
        int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "must be from 1 to " + MAX_LIMIT + ".");
        }
        ctx.json(appointments.firstFreeSlots(siteId, serviceId, blankToNull(ctx.queryParam("doctor")), from, to,
                ctx.queryParam("after"), limit));
    }

    public void slotDays(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        long serviceId = serviceId(ctx);
        LocalDate from = fromOrToday(ctx, siteId);
        LocalDate to = Requests.dateOr(ctx, "to", from.plusDays(29));
        ctx.json(appointments.freeSlotCalendar(siteId, serviceId, blankToNull(ctx.queryParam("doctor")), from, to));
    }

    private static long serviceId(Context ctx) {
        return ctx.queryParamAsClass("serviceId", Long.class)
                .check(id -> id != null && id > 0, "must be a positive whole number").get();
    }

    /** {@code ?from=}, or the site's today when not given (read only then: a search needs no site read). */
    private LocalDate fromOrToday(Context ctx, long siteId) {
        String given = ctx.queryParam("from");
        return given == null || given.isBlank() ? today(siteId) : Requests.dateOr(ctx, "from", null);
    }

    private LocalDate today(long siteId) {
        return LocalDate.now(clock.withZone(sites.zoneOf(siteId)));
    }

    public Change book(Context ctx, Principal caller) {
        var request = Requests.body(ctx, BookAppointmentRequest.class);
        BookAppointmentValidator.validate(request);
        String actor = caller.name();
        var planned = appointments.planBooking(request); // before the write: the writer only checks it still holds
        return tx -> new Reply(201, staffView(appointments.book(tx, request, actor, planned)));
    }

    public void list(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        sites.site(siteId);
        String code = ctx.queryParam("code");
        List<AppointmentDto> found;
        if (code != null) {
            found = appointments.byCode(siteId, code);
            if (AccessCheck.principal(ctx).has(Role.DOCTOR) && !mayReadAll(ctx)) {
                found = found.stream().filter(a -> a.doctor().equals(AccessCheck.principal(ctx).name())).toList();
            }
        } else {
            LocalDate date = Requests.dateOr(ctx, "date", LocalDate.now(clock.withZone(sites.zoneOf(siteId))));
            String doctor = blankToNull(ctx.queryParam("doctor"));
            if (!mayReadAll(ctx)) {
                doctor = ownDoctor(ctx, doctor == null ? AccessCheck.principal(ctx).name() : doctor);
            }
            found = appointments.onDay(siteId, date, doctor);
        }
        ctx.json(found.stream().map(AppointmentController::staffView).toList());
    }

    public void find(Context ctx) {
        var found = appointments.find(Requests.id(ctx, "appointmentId"));
        if (!mayReadAll(ctx)) {
            ownDoctor(ctx, found.doctor());
        }
        ctx.json(staffView(found));
    }

    public Change move(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "appointmentId");
        var request = Requests.body(ctx, MoveAppointmentRequest.class);
        MoveAppointmentValidator.validate(request);
        String actor = caller.name();
        return tx -> new Reply(200, staffView(appointments.move(tx, id, request, actor)));
    }

    public Change cancel(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "appointmentId");
        String actor = caller.name();
        return tx -> new Reply(200, staffView(appointments.cancel(tx, id, actor)));
    }

    public Change checkIn(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "appointmentId");
        String actor = caller.name();
        return tx -> {
            var done = appointments.checkIn(tx, id, actor);
            return new Reply(200, new CheckInDto(staffView(done.appointment()), StaffView.of(done.ticket()), done.late()));
        };
    }

    /** Admins and reception read every doctor's; a doctor only their own. */
    private static boolean mayReadAll(Context ctx) {
        var who = AccessCheck.principal(ctx);
        return who.has(Role.ADMIN) || who.has(Role.RECEPTIONIST);
    }

    /** The doctor asked for, if the caller may read theirs: a doctor (not also front desk) only their own. */
    private static String ownDoctor(Context ctx, String doctor) {
        var who = AccessCheck.principal(ctx);
        if (!mayReadAll(ctx) && !who.name().equals(doctor)) {
            throw ApiProblem.forbidden("A doctor reads their own schedule and appointments only, not " + doctor + "'s.");
        }
        return doctor;
    }

    /** The phone masked, as everywhere staff see it; the full number stays inside the server. */
    static AppointmentDto staffView(AppointmentDto a) {
        if (a.phone() == null) {
            return a;
        }
        return new AppointmentDto(a.id(), a.siteId(), a.serviceId(), a.doctor(), a.roomId(), a.slotStart(), a.slotEnd(),
                a.localDate(), a.localTime(), a.code(), a.state(), a.patientName(), PhoneNumbers.mask(a.phone()),
                a.language(), a.ticketId(), a.bookedAt());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
