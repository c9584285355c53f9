package org.queuedesk.server.online;

import static org.queuedesk.server.ground.Roles.ANYONE;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.PhoneNumbers;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.Routes;
import org.queuedesk.server.online.OnlinePage.Frame;
import org.queuedesk.server.online.OnlinePage.Message;

/**
 * The booking pages under {@code /p/{siteId}/book} (service, day, slot with phone, code, name) and the manage
 * link's page {@code /m/{token}} (see, move, cancel). Plain form posts, each answered by the next step; the
 * booking and each change end in a redirect to the manage page, so a reload never books twice.
 */
final class OnlineBookingPages {

    private final OnlineService online;
    private final OnlineBookings bookings;
    private final OnlinePorts ports;
    private final OnlinePage page;
    private final FormGuard bookGuard;
    private final FormGuard manageGuard;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    OnlineBookingPages(OnlineService online, OnlineBookings bookings, OnlinePorts ports, OnlinePage page,
                       FormGuard bookGuard, FormGuard manageGuard, Supplier<String> publicUrl, Clock clock) {
        this.online = online;
        this.bookings = bookings;
        this.ports = ports;
        this.page = page;
        this.bookGuard = bookGuard;
        this.manageGuard = manageGuard;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    void routes(Routes routes) {
        routes.get("/p/{siteId}/book", ANYONE,
                "Book an appointment: a service's days with free times, or a day's free times (?service=&day=; HTML)",
                null, this::chooseSlot);
        routes.post("/p/{siteId}/book/code", ANYONE,
                "A patient picks a free time and asks for a 6-digit code by text message (HTML form post)", null, null,
                this::code);
        routes.post("/p/{siteId}/book/verify", ANYONE, "A patient types the code; the page asks for their name"
                + " (HTML form post)", null, null, this::verify);
        routes.post("/p/{siteId}/book", ANYONE,
                "A patient books the time (HTML form post; 303 to the booking's manage page /m/{token})", null, null,
                this::book);
        routes.get("/m/{token}", ANYONE, "A booking's manage page: see, move or cancel it (HTML; a kind 404 page for"
                + " an unknown or passed link)", null, this::manage);
        routes.post("/m/{token}/cancel", ANYONE, "Cancel the booking of a manage link (HTML form post; 303 back)",
                null, null, this::cancel);
        routes.post("/m/{token}/move", ANYONE,
                "Move the booking of a manage link to another free time (HTML form post; 303 back)", null, null,
                this::move);
    }

    // ---- booking

    private void chooseSlot(Context ctx) {
        OnlineController.headers(ctx);
        var frame = frame(ctx, ctx.queryParam("lang"));
        long serviceId = number(ctx.queryParam("service"), "service");
        String day = ctx.queryParam("day");
        if (day == null || day.isBlank()) {
            ctx.html(days(frame, serviceId, null, "/p/" + frame.siteId() + "/book?service=" + serviceId + "&day=",
                    "/p/" + frame.siteId() + "?lang=" + frame.lang(), null));
        } else {
            ctx.html(slots(frame, serviceId, date(day), null, null));
        }
    }

    private void code(Context ctx) {
        OnlineController.headers(ctx);
        var frame = frame(ctx, ctx.formParam("lang"));
        long serviceId = number(ctx.formParam("service"), "service");
        Instant slot = slot(ctx);
        String phone = ctx.formParam("phone");
        try {
            bookGuard.check(ctx);
            var outcome = online.requestCode(frame.siteId(), serviceId, phone, ctx.ip(), frame.lang(), false);
            if (!outcome.sent()) {
                ctx.html(slots(frame, serviceId, dayOf(frame, slot), phone, bad(frame, "opted_out")));
                return;
            }
            var slots = stepSlots(frame, serviceId, slot);
            slots.put("bookCodeStep", true);
            slots.put("phone", outcome.phone());
            slots.put("sentText", page.word(frame.lang(), "code_sent").replace("{phone}", PhoneNumbers.mask(outcome.phone())));
            ctx.html(page.step(frame, null, slots));
        } catch (RuntimeException e) {
            var refused = OnlineController.refusal(ctx, e);
            ctx.status(refused.status()).html(slots(frame, serviceId, dayOf(frame, slot), phone, bad(frame, refused.key())));
        }
    }

    private void verify(Context ctx) {
        OnlineController.headers(ctx);
        var frame = frame(ctx, ctx.formParam("lang"));
        long serviceId = number(ctx.formParam("service"), "service");
        Instant slot = slot(ctx);
        String phone = ctx.formParam("phone");
        try {
            bookGuard.check(ctx);
            bookings.checkCode(frame.siteId(), phone, ctx.formParam("code"), ctx.ip());
            ctx.html(page.step(frame, null, nameStep(frame, serviceId, slot, phone, ctx.formParam("code"), null)));
        } catch (RuntimeException e) {
            answerRefusal(ctx, frame, serviceId, slot, phone, OnlineController.refusal(ctx, e));
        }
    }

    private void book(Context ctx) {
        OnlineController.headers(ctx);
        var frame = frame(ctx, ctx.formParam("lang"));
        long serviceId = number(ctx.formParam("service"), "service");
        Instant slot = slot(ctx);
        String phone = ctx.formParam("phone");
        String name = ctx.formParam("name");
        try {
            bookGuard.check(ctx);
            var booked = bookings.book(frame.siteId(), serviceId, slot, phone, ctx.formParam("code"), name, ctx.ip(),
                    frame.lang());
            ctx.redirect("/m/" + booked.token() + "?booked=1&lang=" + frame.lang(), HttpStatus.SEE_OTHER);
        } catch (RuntimeException e) {
            var refused = slotRefusal(ctx, e);
            if ("bad_name".equals(refused.key())) {
                ctx.status(refused.status()).html(page.step(frame, bad(frame, "bad_name"),
                        nameStep(frame, serviceId, slot, phone, ctx.formParam("code"), name)));
            } else {
                answerRefusal(ctx, frame, serviceId, slot, phone, refused);
            }
        }
    }

    /** A wrong code asks for it again; anything else goes back to the day's free times, saying why. */
    private void answerRefusal(Context ctx, Frame frame, long serviceId, Instant slot, String phone, Refused refused) {
        ctx.status(refused.status());
        if ("wrong_code".equals(refused.key()) && phone != null) {
            var slots = stepSlots(frame, serviceId, slot);
            slots.put("bookCodeStep", true);
            slots.put("phone", phone);
            slots.put("sentText", page.word(frame.lang(), "code_sent").replace("{phone}", PhoneNumbers.mask(phone)));
            ctx.html(page.step(frame, bad(frame, "wrong_code"), slots));
        } else {
            ctx.html(slots(frame, serviceId, dayOf(frame, slot), null, bad(frame, refused.key())));
        }
    }

    private Map<String, Object> nameStep(Frame frame, long serviceId, Instant slot, String phone, String code,
                                         String name) {
        var slots = stepSlots(frame, serviceId, slot);
        slots.put("nameStep", true);
        slots.put("phone", phone);
        slots.put("code", code);
        slots.put("name", name);
        return slots;
    }

    private Map<String, Object> stepSlots(Frame frame, long serviceId, Instant slot) {
        var zone = zone(frame.siteId());
        var slots = new HashMap<String, Object>();
        slots.put("heading", page.word(frame.lang(), "book_title"));
        slots.put("serviceId", serviceId);
        slots.put("serviceName", serviceName(serviceId, frame.lang()));
        slots.put("slot", slot.toString());
        slots.put("slotLabel", dayLabel(slot.atZone(zone).toLocalDate(), frame.lang()) + " · "
                + slot.atZone(zone).toLocalTime());
        return slots;
    }

    // ---- the manage link

    private void manage(Context ctx) {
        OnlineController.headers(ctx);
        String token = ctx.pathParam("token");
        String lang = ctx.queryParam("lang");
        var found = bookings.managed(token);
        if (found.isEmpty()) {
            notFound(ctx, token, lang);
            return;
        }
        var booking = found.get();
        var frame = manageFrame(ctx, booking, lang);
        String home = "/m/" + token;
        boolean changeable = booking.state() == AppointmentState.BOOKED;
        String action = ctx.queryParam("do");
        Message message = null;
        String done = ctx.queryParam("done");
        if ("cancelled".equals(done) || "moved".equals(done)) {
            message = new Message(page.word(frame.lang(), done + "_news"), "good");
        } else if (ctx.queryParam("booked") != null) {
            message = new Message(page.word(frame.lang(), "booked_news"), "good");
        }
        if (changeable && "move".equals(action)) {
            String day = ctx.queryParam("day");
            var slots = day == null || day.isBlank()
                    ? daySlots(frame, booking.serviceId(), booking.doctor(), home + "?do=move&day=", home + "?lang=" + frame.lang())
                    : slotSlots(frame, booking.serviceId(), booking.doctor(), date(day), null, home + "/move",
                            home + "?do=move&lang=" + frame.lang(), page.word(frame.lang(), "move_to"), false);
            slots.putAll(summary(booking, frame.lang()));
            slots.put("home", home);
            ctx.html(page.step(frame, message, slots));
            return;
        }
        var slots = summary(booking, frame.lang());
        slots.put("home", home);
        if (changeable && "cancel".equals(action)) {
            slots.put("cancelStep", true);
        } else {
            slots.put("manageStep", true);
            slots.put("canChange", changeable);
            if (ctx.queryParam("booked") != null) {
                slots.put("bookedStep", true);
                slots.put("managePath", home);
                slots.put("manageUrl", publicUrl.get() + home);
            }
        }
        if (!changeable && action != null) {
            message = bad(frame, "not_changeable");
        }
        ctx.html(page.step(frame, message, slots));
    }

    private void cancel(Context ctx) {
        OnlineController.headers(ctx);
        String token = ctx.pathParam("token");
        if (bookings.managed(token).isEmpty()) { // a dead link says so first, whoever posts to it
            notFound(ctx, token, language(ctx));
            return;
        }
        try {
            manageGuard.check(ctx);
            bookings.cancel(token);
            ctx.redirect("/m/" + token + "?done=cancelled&lang=" + language(ctx), HttpStatus.SEE_OTHER);
        } catch (RuntimeException e) {
            changeRefused(ctx, token, slotRefusal(ctx, e));
        }
    }

    private void move(Context ctx) {
        OnlineController.headers(ctx);
        String token = ctx.pathParam("token");
        if (bookings.managed(token).isEmpty()) {
            notFound(ctx, token, language(ctx));
            return;
        }
        try {
            manageGuard.check(ctx);
            bookings.move(token, slot(ctx));
            ctx.redirect("/m/" + token + "?done=moved&lang=" + language(ctx), HttpStatus.SEE_OTHER);
        } catch (RuntimeException e) {
            changeRefused(ctx, token, slotRefusal(ctx, e));
        }
    }

    /** The manage page again, saying why the change did not happen (a kind 404 page for a dead link). */
    private void changeRefused(Context ctx, String token, Refused refused) {
        var found = bookings.managed(token);
        if (found.isEmpty()) {
            notFound(ctx, token, language(ctx));
            return;
        }
        var frame = manageFrame(ctx, found.get(), language(ctx));
        var slots = summary(found.get(), frame.lang());
        slots.put("home", "/m/" + token);
        slots.put("manageStep", true);
        slots.put("canChange", found.get().state() == AppointmentState.BOOKED);
        ctx.status(refused.status()).html(page.step(frame, bad(frame, refused.key()), slots));
    }

    private void notFound(Context ctx, String token, String lang) {
        var frame = new Frame(0, "", OnlineTexts.language(lang, ctx.header("Accept-Language")), "");
        var slots = new HashMap<String, Object>();
        slots.put("heading", page.word(frame.lang(), "manage_title"));
        slots.put("home", "/m/" + token);
        slots.put("notFoundStep", true);
        ctx.status(404).html(page.step(frame, null, slots));
    }

    private Map<String, Object> summary(AppointmentDto booking, String lang) {
        var zone = zone(booking.siteId());
        var site = ports.sites().site(booking.siteId());
        String place = booking.roomId() == null ? site.name()
                : roomName(booking.roomId(), lang) + ", " + site.name();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("service", serviceName(booking.serviceId(), lang));
        summary.put("patient", booking.patientName()); // as typed: the template escapes it
        summary.put("date", longDate(booking.slotStart().atZone(zone).toLocalDate(), lang));
        summary.put("time", booking.localTime());
        summary.put("doctor", booking.doctor()); // users have no display name: the one staff know them by
        summary.put("place", place);
        summary.put("state", page.word(lang, "state_" + booking.state().wireName()));
        var slots = new HashMap<String, Object>();
        slots.put("summary", summary);
        slots.put("heading", page.word(lang, "manage_title"));
        return slots;
    }

    private Frame manageFrame(Context ctx, AppointmentDto booking, String chosen) {
        var site = ports.sites().site(booking.siteId());
        String lang = chosen != null ? OnlineTexts.language(chosen, null)
                : booking.language() != null ? OnlineTexts.language(booking.language(), null)
                : OnlineTexts.language(null, ctx.header("Accept-Language"));
        return new Frame(site.id(), site.name(), lang, manageGuard.token(ctx));
    }

    // ---- days and free times, for a booking and for a move

    private String days(Frame frame, long serviceId, String doctor, String hrefStart, String back, Message message) {
        var slots = daySlots(frame, serviceId, doctor, hrefStart, back);
        slots.put("heading", page.word(frame.lang(), "book_title"));
        return page.step(frame, message, slots);
    }

    private Map<String, Object> daySlots(Frame frame, long serviceId, String doctor, String hrefStart, String back) {
        LocalDate today = LocalDate.now(clock.withZone(zone(frame.siteId())));
        // the calendar of the free-slot search: free times per day, not every slot of two weeks
        var days = bookings.freeDays(frame.siteId(), serviceId, doctor, today,
                today.plusDays(OnlineBookings.DAYS_AHEAD - 1)).stream().map(d -> Map.of(
                "date", d.date().toString(),
                "label", dayLabel(d.date(), frame.lang()),
                "count", page.word(frame.lang(), "free_times").replace("{count}", Integer.toString(d.freeTimes())),
                "href", hrefStart + d.date() + "&lang=" + frame.lang())).toList();
        var slots = new HashMap<String, Object>();
        slots.put("daysStep", true);
        slots.put("serviceName", serviceName(serviceId, frame.lang()));
        slots.put("days", days);
        slots.put("back", back);
        return slots;
    }

    private String slots(Frame frame, long serviceId, LocalDate day, String phone, Message message) {
        var slots = slotSlots(frame, serviceId, null, day, phone, "/p/" + frame.siteId() + "/book/code",
                "/p/" + frame.siteId() + "/book?service=" + serviceId + "&lang=" + frame.lang(),
                page.word(frame.lang(), "send_code_book"), true);
        slots.put("heading", page.word(frame.lang(), "book_title"));
        return page.step(frame, message, slots);
    }

    private Map<String, Object> slotSlots(Frame frame, long serviceId, String doctor, LocalDate day, String phone,
                                          String action, String back, String next, boolean askPhone) {
        var zone = zone(frame.siteId());
        var free = bookings.freeSlots(frame.siteId(), serviceId, doctor, day, day).stream()
                .map(s -> Map.of("start", s.start().toString(), "time", s.start().atZone(zone).toLocalTime().toString()))
                .toList();
        var slots = new HashMap<String, Object>();
        slots.put("slotsStep", true);
        slots.put("serviceId", serviceId);
        slots.put("serviceName", serviceName(serviceId, frame.lang()));
        slots.put("dayLabel", dayLabel(day, frame.lang()));
        slots.put("slots", free);
        slots.put("hasSlots", !free.isEmpty());
        slots.put("askPhone", askPhone);
        slots.put("phone", phone);
        slots.put("action", action);
        slots.put("back", back);
        slots.put("next", next);
        return slots;
    }

    // ---- small things

    /** The appointment feature's refusals of a slot (taken meanwhile, no longer a slot) read as "choose another". */
    private static Refused slotRefusal(Context ctx, RuntimeException e) {
        if (e instanceof ApiProblem problem && (problem.status() == 409 || problem.status() == 422)
                && wantsHtml(ctx)) {
            return new Refused(problem.status(), "slot_gone", null, problem.getMessage());
        }
        return OnlineController.refusal(ctx, e);
    }

    private static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    private Frame frame(Context ctx, String chosenLanguage) {
        long siteId = Requests.id(ctx, "siteId");
        var site = ports.sites().site(siteId);
        return new Frame(siteId, site.name(), OnlineTexts.language(chosenLanguage, ctx.header("Accept-Language")),
                bookGuard.token(ctx));
    }

    private Message bad(Frame frame, String key) {
        return new Message(page.word(frame.lang(), key), "bad");
    }

    private String language(Context ctx) {
        return URLEncoder.encode(OnlineTexts.language(ctx.formParam("lang"), ctx.header("Accept-Language")),
                StandardCharsets.UTF_8);
    }

    private ZoneId zone(long siteId) {
        return ZoneId.of(ports.sites().site(siteId).timeZone());
    }

    private String serviceName(long serviceId, String lang) {
        return OnlineController.nameIn(ports.services().service(serviceId), lang);
    }

    private String roomName(long roomId, String lang) {
        var room = ports.rooms().room(roomId);
        String name = room.names() == null ? null : room.names().get(lang);
        return name == null || name.isBlank() ? room.name() : name;
    }

    private LocalDate dayOf(Frame frame, Instant slot) {
        return slot.atZone(zone(frame.siteId())).toLocalDate();
    }

    private static String dayLabel(LocalDate day, String lang) {
        return DateTimeFormatter.ofPattern("EEE d MMM", Locale.forLanguageTag(lang)).format(day);
    }

    private static String longDate(LocalDate day, String lang) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag(lang)).format(day);
    }

    private static long number(String value, String field) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(field, "must be the id of one of the site's services.");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("day", "use a date like 2026-11-23.");
        }
    }

    private static Instant slot(Context ctx) {
        String value = ctx.formParam("slot");
        try {
            return Instant.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("slot", "choose one of the free times.");
        }
    }
}
