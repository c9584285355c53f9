package org.queuedesk.server.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentSettingsDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.CheckInDto;
import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.common.appointment.ScheduleDto;
import org.queuedesk.common.appointment.ScheduleExceptionRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.appointment.SlotDayDto;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.appointment.SlotPageDto;
import org.queuedesk.common.event.EventPayload.AppointmentChange;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteCatalog;
import org.queuedesk.server.site.SiteService;

/**
 * Schedules, bookings and check-ins. Every booking, move and cancel checks the slot's places inside the one
 * writer's transaction, so of many requests for the last place exactly one gets it (README, "Appointments").
 */
public final class AppointmentService {

    /** The site's grace period when an admin set none (README). */
    static final int DEFAULT_GRACE_MINUTES = 15;
    /** How many free slots a refused booking offers, and how far ahead it looks for them. */
    static final int NEXT_FREE = 5;
    static final int NEXT_FREE_DAYS = 14;
    /** The longest range one free-slot search covers. */
    static final int MAX_RANGE_DAYS = 62;
    private static final int MISSED_PER_BATCH = 100;

    private final Database db;
    private final EventLog events;
    private final Clock clock;
    private final AppointmentPorts ports;
    private final Schedules schedules;
    private final BookingCodes codes;
    private final SiteService sites;
    private final AppointmentTexts texts;
    private final AppointmentReminders reminders;
    private final java.util.Map<Long, Long> siteOfService = new java.util.concurrent.ConcurrentHashMap<>();

    public AppointmentService(Database db, EventLog events, Clock clock, SiteService sites, AppointmentPorts ports) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.sites = sites;
        this.ports = ports;
        this.schedules = new Schedules(ports.doctors());
        this.codes = new BookingCodes();
        this.texts = new AppointmentTexts(ports);
        this.reminders = new AppointmentReminders(db, clock, texts);
    }

    // ---- schedules

    public ScheduleDto schedule(long siteId, String doctor) {
        LocalDate today = LocalDate.now(clock.withZone(sites.zoneOf(siteId)));
        return db.read(h -> schedules.read(h.attach(AppointmentDao.class), siteId, doctor, today));
    }

    public ScheduleDto replaceSchedule(long siteId, String doctor, ScheduleRequest request) {
        return db.write(tx -> {
            schedules.replaceWeekly(tx, siteId, doctor, request);
            return schedules.read(tx.attach(AppointmentDao.class), siteId, doctor, today(tx, siteId));
        });
    }

    public ScheduleDto putException(long siteId, String doctor, ScheduleExceptionRequest request) {
        return db.write(tx -> {
            schedules.putException(tx, siteId, doctor, request);
            return schedules.read(tx.attach(AppointmentDao.class), siteId, doctor, today(tx, siteId));
        });
    }

    public void deleteException(long siteId, String doctor, LocalDate date) {
        boolean deleted = db.write(tx -> schedules.deleteException(tx, siteId, doctor, date));
        if (!deleted) {
            throw ApiProblem.notFound(doctor + " has no exception on " + date + " at site " + siteId + ".");
        }
    }

    /** Every free slot of a service from {@code from} to {@code to}: for a caller that shows a whole day. */
    public List<SlotDto> freeSlots(long siteId, long serviceId, String doctor, LocalDate from, LocalDate to) {
        return search(siteId, serviceId, doctor, from, to, s -> s.first(from, to, null, Integer.MAX_VALUE).slots());
    }

    /**
     * The first {@code limit} free slots of a service from {@code from} to {@code to}, after {@code after} (the
     * previous page's {@code next}), by start then doctor (README, "Appointments").
     */
    public SlotPageDto firstFreeSlots(long siteId, long serviceId, String doctor, LocalDate from, LocalDate to,
                                      String after, int limit) {
        var cursor = SlotSearch.Cursor.parse(after);
        return search(siteId, serviceId, doctor, from, to, s -> s.first(from, to, cursor, limit));
    }

    /** The free places and free times of a service per day from {@code from} to {@code to}. */
    public List<SlotDayDto> freeSlotCalendar(long siteId, long serviceId, String doctor, LocalDate from, LocalDate to) {
        return search(siteId, serviceId, doctor, from, to, s -> s.calendar(from, to));
    }

    /** A service's site: fixed once created, so read once (a search is a few milliseconds, a read of it a fifth). */
    private long siteOfService(long serviceId) {
        return siteOfService.computeIfAbsent(serviceId, id -> sites.service(id).siteId());
    }

    /** A site's time zone, read each time: an admin may change it while no ticket is open (README, site settings). */
    private ZoneId zoneOf(long siteId) {
        return sites.zoneOf(siteId);
    }

    private <T> T search(long siteId, long serviceId, String doctor, LocalDate from, LocalDate to,
                         java.util.function.Function<SlotSearch, T> answer) {
        if (siteOfService(serviceId) != siteId) {
            throw ApiProblem.invalidField("serviceId", "service " + serviceId + " belongs to another site.");
        }
        if (to.isBefore(from) || to.isAfter(from.plusDays(MAX_RANGE_DAYS))) {
            throw ApiProblem.invalidField("to", "must be from 'from' to " + MAX_RANGE_DAYS + " days after it.");
        }
        ZoneId zone = zoneOf(siteId);
        return db.read(h -> answer.apply(new SlotSearch(h.attach(SlotDao.class), siteId, serviceId, doctor,
                from, to, zone, clock.instant())));
    }

    public AppointmentSettingsDto settings(long siteId) {
        sites.site(siteId);
        return db.read(h -> {
            var dao = h.attach(AppointmentDao.class);
            var reminders = dao.reminderSettings(siteId).orElse(AppointmentDao.ReminderSettings.DEFAULT);
            return new AppointmentSettingsDto(dao.graceMinutes(siteId).orElse(DEFAULT_GRACE_MINUTES),
                    reminders.reminderTime(), reminders.reminderMinutesBefore());
        });
    }

    public AppointmentSettingsDto changeSettings(long siteId, AppointmentSettingsDto request) {
        return db.write(tx -> {
            SiteCatalog.site(tx, siteId).orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
            var dao = tx.attach(AppointmentDao.class);
            String time = blankToNull(request.reminderTime()) == null ? AppointmentDao.ReminderSettings.DEFAULT.reminderTime()
                    : request.reminderTime().strip();
            dao.setGraceMinutes(siteId, request.graceMinutes());
            dao.setReminders(siteId, time, request.reminderMinutesBefore());
            return new AppointmentSettingsDto(request.graceMinutes(), time, request.reminderMinutesBefore());
        });
    }

    // ---- bookings

    public AppointmentDto find(long id) {
        return db.read(h -> h.attach(AppointmentDao.class).find(id))
                .orElseThrow(() -> ApiProblem.notFound("There is no appointment " + id + "."));
    }

    public List<AppointmentDto> onDay(long siteId, LocalDate date, String doctor) {
        return db.read(h -> h.attach(AppointmentDao.class).onDay(siteId, date, doctor));
    }

    /** The active booking with this code at the site, as a list of one (or none). */
    public List<AppointmentDto> byCode(long siteId, String typed) {
        String code = BookingCodes.normalise(typed);
        if (code == null) {
            throw ApiProblem.invalidField("code", "a booking code has " + BookingCodes.LENGTH + " letters and digits, "
                    + "like 7KX4PA.");
        }
        return db.read(h -> h.attach(AppointmentDao.class).findActiveByCode(siteId, code)).stream().toList();
    }

    public AppointmentDto book(WriteTransaction tx, BookAppointmentRequest request, String actor) {
        return book(tx, request, actor, null);
    }

    /**
     * The slots a booking asks for as planned from the schedules before its write, on a read connection, so the
     * single writer does not plan them (README, "Benchmark"); null when there is none (the write then says why).
     * The write checks that those blocks still plan that day and counts the places in it.
     */
    List<PlannedSlot> planBooking(BookAppointmentRequest request) {
        try {
            long siteId = siteOfService(request.serviceId());
            var offered = db.read(h -> {
                ZoneId zone = sites.zoneOf(h, siteId); // on the planning's own read: a booking's request reads once
                LocalDate day = request.slotStart().atZone(zone).toLocalDate();
                return new SlotSearch(h.attach(SlotDao.class), siteId, request.serviceId(),
                        blankToNull(request.doctor()), day, day, zone, clock.instant()).at(day, request.slotStart());
            });
            return offered.isEmpty() ? null : offered;
        } catch (ApiProblem unknown) {
            return null; // an unknown service or site: the write's checks answer with the field to fix
        }
    }

    /** A booking with its slots planned before the write ({@link #planBooking}; null: plan them in it). */
    AppointmentDto book(WriteTransaction tx, BookAppointmentRequest request, String actor,
                               List<PlannedSlot> planned) {
        ServiceDto service = SiteCatalog.service(tx, request.serviceId())
                .orElseThrow(() -> ApiProblem.unknownReference("serviceId", "there is no service " + request.serviceId() + "."));
        SiteDto site = SiteCatalog.site(tx, service.siteId()).orElseThrow();
        SiteCatalog.lockForChange(tx, site.id()); // the places left are counted, then one is taken
        String doctor = blankToNull(request.doctor());
        var place = findPlace(tx, site, service, doctor, request.slotStart(), planned);
        String phone = blankToNull(request.phone()) == null ? null
                : ports.phones().normalise(tx, site.id(), request.phone().strip());
        var booked = BookingWriteDao.insert(tx, site.id(), service.id(), place.doctor(), place.block().roomId(),
                place.start(), place.end(), place.localStart().toLocalDate(), place.localStart().toLocalTime().toString(),
                newCode(tx), request.patientName().strip(), phone, blankToNull(request.language()), clock.instant());
        events.append(tx, site.id(), actor, new AppointmentChange(EventType.APPOINTMENT_BOOKED, booked));
        texts.send(tx, booked, AppointmentTextKind.CONFIRMATION);
        return booked;
    }

    public AppointmentDto move(WriteTransaction tx, long id, MoveAppointmentRequest request, String actor) {
        var current = active(tx, id, "moved");
        ServiceDto service = SiteCatalog.service(tx, current.serviceId()).orElseThrow();
        SiteDto site = SiteCatalog.site(tx, current.siteId()).orElseThrow();
        SiteCatalog.lockForChange(tx, site.id()); // the places left are counted, then one is taken
        String doctor = blankToNull(request.doctor()) == null ? current.doctor() : request.doctor().strip();
        if (doctor.equals(current.doctor()) && request.slotStart().equals(current.slotStart())) {
            return current; // already there: nothing to move, and its own place must not count against it
        }
        var place = findPlace(tx, site, service, doctor, request.slotStart(), null);
        var moved = tx.attach(AppointmentDao.class).move(id, place.doctor(), place.block().roomId(), place.start(),
                place.end(), place.localStart().toLocalDate(), place.localStart().toLocalTime().toString(),
                clock.instant()).orElseThrow();
        events.append(tx, site.id(), actor, new AppointmentChange(EventType.APPOINTMENT_MOVED, moved));
        texts.send(tx, moved, AppointmentTextKind.MOVED);
        return moved;
    }

    public AppointmentDto cancel(WriteTransaction tx, long id, String actor) {
        active(tx, id, "cancelled");
        var cancelled = tx.attach(AppointmentDao.class).settle(id, AppointmentState.CANCELLED.wireName(), null,
                clock.instant()).orElseThrow();
        events.append(tx, cancelled.siteId(), actor, new AppointmentChange(EventType.APPOINTMENT_CANCELLED, cancelled));
        texts.send(tx, cancelled, AppointmentTextKind.CANCELLED);
        return cancelled;
    }

    /**
     * Turns a booking of today into a ticket at its service, assigned to its doctor (README, "Appointments"): on
     * time or early it queues at its slot's start and is not called before; more than the site's grace period
     * after the start it queues by arrival, like a walk-in.
     */
    public CheckInDto checkIn(WriteTransaction tx, long id, String actor) {
        var booking = active(tx, id, "checked in");
        SiteDto site = SiteCatalog.site(tx, booking.siteId()).orElseThrow();
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneId.of(site.timeZone())).toLocalDate();
        if (!booking.localDate().equals(today)) {
            throw ApiProblem.conflict("Appointment " + booking.code() + " is on " + booking.localDate() + ", not today ("
                    + today + "); check in on that day, or move it.", booking.state().wireName());
        }
        boolean late = now.isAfter(booking.slotStart().plus(grace(tx, site.id())));
        Instant queuedAt = late ? now : booking.slotStart();
        var request = new IssueTicketRequest(booking.serviceId(), Priority.NORMAL, TicketSource.APPOINTMENT,
                booking.patientName(), booking.phone(), booking.doctor(), booking.language());
        var ticket = ports.tickets().issue(tx, request, queuedAt, actor);
        var checkedIn = tx.attach(AppointmentDao.class).settle(id, AppointmentState.CHECKED_IN.wireName(), ticket.id(),
                now).orElseThrow();
        events.append(tx, site.id(), actor, new AppointmentChange(EventType.APPOINTMENT_CHECKED_IN, checkedIn));
        return new CheckInDto(checkedIn, ticket, late);
    }

    /** A typed phone number as bookings store it (E.164 in the site's region), or a 400 naming {@code phone}. */
    String storedPhone(WriteTransaction tx, long siteId, String typed) {
        return ports.phones().normalise(tx, siteId, typed.strip());
    }

    /**
     * Marks as missed every booking nobody checked in by its slot's end plus its site's grace period, in small
     * writes; returns how many. The server runs it every minute.
     */
    public int markMissed(String actor) {
        int total = 0;
        while (true) {
            int marked = db.write(tx -> {
                var dao = tx.attach(AppointmentDao.class);
                Instant now = clock.instant();
                int n = 0;
                for (long id : dao.overdue(now, DEFAULT_GRACE_MINUTES, MISSED_PER_BATCH)) {
                    var missed = dao.settle(id, AppointmentState.MISSED.wireName(), null, now);
                    if (missed.isPresent()) {
                        events.append(tx, missed.get().siteId(), actor,
                                new AppointmentChange(EventType.APPOINTMENT_MISSED, missed.get()));
                        n++;
                    }
                }
                return n;
            });
            total += marked;
            if (marked < MISSED_PER_BATCH) {
                return total;
            }
        }
    }

    /** Writes the text reminders that are due (see {@link AppointmentReminders}); the server runs it every minute. */
    public int sendReminders() {
        return reminders.sendDue();
    }

    // ---- the slot a booking or move takes

    /**
     * The planned slot at {@code start} of the doctor (or of the first doctor of the service with a place left,
     * by fewest bookings that day, then name) with a free place; a 422 naming the field when there is no such
     * slot, a 409 with the next free slots when it is full.
     */
    private PlannedSlot findPlace(WriteTransaction tx, SiteDto site, ServiceDto service, String doctor, Instant start,
                                  List<PlannedSlot> planned) {
        if (!start.isAfter(clock.instant())) {
            throw ApiProblem.unprocessableField("slotStart", "is in the past; pick a slot that starts later.");
        }
        ZoneId zone = ZoneId.of(site.timeZone());
        LocalDate day = start.atZone(zone).toLocalDate();
        var dao = tx.attach(AppointmentDao.class);
        if (doctor != null && !ports.doctors().isDoctor(tx, doctor)) {
            throw ApiProblem.unknownReference("doctor", "there is no doctor with the username '" + doctor + "'.");
        }
        // planned before the write if its blocks still plan that day; else planned here (and a 422 if none)
        var offered = stillPlanned(tx, planned, service, doctor, start, day) ? planned
                : plan(dao, site, service, doctor, start, day, zone);
        // the places taken in the offered slots, one query for every candidate doctor
        var taken = new java.util.HashMap<String, Integer>();
        BookingWriteDao.takenOf(tx, offered.stream().map(PlannedSlot::doctor).distinct().toList(), start,
                        start.plusMillis(1))
                .forEach(t -> taken.merge(t.doctor(), t.count(), Integer::sum));
        var free = offered.stream().filter(s -> taken.getOrDefault(s.doctor(), 0) < s.block().capacity()).toList();
        if (free.isEmpty()) {
            var next = new SlotSearch(dao, site.id(), service.id(), doctor, day, day.plusDays(NEXT_FREE_DAYS), zone,
                    clock.instant()).first(day, day.plusDays(NEXT_FREE_DAYS), null, NEXT_FREE).slots();
            throw ApiProblem.slotTaken("The slot at " + start.atZone(zone).toLocalTime() + " on " + day + " is full"
                    + (next.isEmpty() ? " and there is no free slot in the next " + NEXT_FREE_DAYS + " days."
                    : "; 'nextFreeSlots' lists the next free ones."), next);
        }
        if (free.size() == 1) {
            return free.get(0);
        }
        // "any doctor" spreads the work: the doctor with the fewest bookings that day, then by name
        var booked = new java.util.HashMap<String, Integer>();
        BookingWriteDao.bookingsOn(tx, site.id(), day, free.stream().map(PlannedSlot::doctor).distinct().toList())
                .forEach(c -> booked.put(c.doctor(), c.count()));
        return free.stream().min(Comparator.comparingInt((PlannedSlot s) -> booked.getOrDefault(s.doctor(), 0))
                .thenComparing(PlannedSlot::doctor)).orElseThrow();
    }

    /** Whether slots planned before the write are still the schedule's: the same request, blocks unchanged. */
    private static boolean stillPlanned(WriteTransaction tx, List<PlannedSlot> planned, ServiceDto service,
                                        String doctor, Instant start, LocalDate day) {
        if (planned == null || planned.isEmpty()) {
            return false;
        }
        var ids = planned.stream().map(s -> s.block().id()).distinct().toList();
        boolean asked = planned.stream().allMatch(s -> s.start().equals(start) && s.block().serves(service.id())
                && (doctor == null || doctor.equals(s.doctor())));
        return asked && BookingWriteDao.stillPlanned(tx, ids, day) == ids.size();
    }

    /** The slots at {@code start} of the doctor or of every doctor of the service; a 422 naming the field if none. */
    private List<PlannedSlot> plan(SlotDao dao, SiteDto site, ServiceDto service, String doctor, Instant start,
                                   LocalDate day, ZoneId zone) {
        // one read of the day's schedules of every candidate, not three per doctor
        var plan = new SlotSearch(dao, site.id(), service.id(), doctor, day, day, zone, clock.instant());
        var offered = plan.at(day, start);
        if (offered.isEmpty()) {
            if (doctor != null && !dao.doctorsOf(site.id(), service.id()).contains(doctor)) {
                throw ApiProblem.unprocessableField("doctor", doctor + " does not see patients for " + service.name()
                        + " at this site; pick another doctor or leave it out for any doctor of the service.");
            }
            boolean dayOff = doctor != null && plan.exceptional(doctor, day);
            String who = doctor != null ? doctor : "No doctor of " + service.name();
            throw ApiProblem.unprocessableField("slotStart", dayOff
                    ? doctor + " does not work at that time on " + day + " (a dated exception: day off or other hours)."
                    : who + " has no slot starting at " + start.atZone(zone).toLocalTime()
                    + " on " + day + " (outside working hours, or not a slot's start); see the free slots.");
        }
        return offered;
    }

    private AppointmentDto active(WriteTransaction tx, long id, String pastTense) {
        // locked where many transactions write: a check-in racing a cancel or a move sees what the other left
        var booking = tx.attach(AppointmentDao.class).findToChange(id)
                .orElseThrow(() -> ApiProblem.notFound("There is no appointment " + id + "."));
        if (booking.state() != AppointmentState.BOOKED) {
            throw ApiProblem.conflict("Appointment " + booking.code() + " is " + booking.state().wireName().replace('_', ' ')
                    + "; it cannot be " + pastTense + ".", booking.state().wireName());
        }
        return booking;
    }

    /** A code no active booking has; with 64 million codes a retry is rare, two are rarer still. */
    private String newCode(WriteTransaction tx) {
        while (true) {
            String code = codes.next();
            if (!BookingWriteDao.codeInUse(tx, code)) {
                return code;
            }
        }
    }

    private Duration grace(WriteTransaction tx, long siteId) {
        return Duration.ofMinutes(tx.attach(AppointmentDao.class).graceMinutes(siteId).orElse(DEFAULT_GRACE_MINUTES));
    }

    private LocalDate today(WriteTransaction tx, long siteId) {
        var site = SiteCatalog.site(tx, siteId).orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
        return clock.instant().atZone(ZoneId.of(site.timeZone())).toLocalDate();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
