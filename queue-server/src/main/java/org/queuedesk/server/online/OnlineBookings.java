package org.queuedesk.server.online;

import static org.queuedesk.server.online.OnlineLimits.DAY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.online.OnlineLimits.Kind;
import org.queuedesk.server.online.OnlineService.Verified;
import org.queuedesk.server.online.OnlineService.Where;

/**
 * A patient books an appointment from their phone (service, day, free slot, phone and code, name) through the
 * appointment feature's own booking, and gets a manage link {@code /m/{token}} to see, move or cancel it. The
 * token has 192 random bits and is kept only as its SHA-256; it opens one booking and dies when its slot ends.
 */
public final class OnlineBookings {

    /** How far ahead a patient may book (the page lists the days with a free slot). */
    static final int DAYS_AHEAD = 14;
    static final int MAX_NAME = 100;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
    private final Database db;
    private final OnlineService online;
    private final OnlinePorts ports;
    private final OnlineSettings settings;
    private final OnlineTexts words;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OnlineBookings(Database db, OnlineService online, OnlinePorts ports, OnlineSettings settings,
                          OnlineTexts words, Supplier<String> publicUrl, Clock clock) {
        this.db = db;
        this.online = online;
        this.ports = ports;
        this.settings = settings;
        this.words = words;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A booking made, and its manage link's token (shown once on the page, and texted). */
    record Booked(AppointmentDto appointment, String token) {
    }

    /**
     * The free slots of a service from {@code from} to {@code to}, one per start time: of any doctor for a
     * booking, of the booking's doctor for a move ({@code doctor}).
     */
    List<SlotDto> freeSlots(long siteId, long serviceId, String doctor, LocalDate from, LocalDate to) {
        Where.of(ports, siteId, serviceId, clock.instant());
        var seen = new java.util.HashSet<Instant>();
        return ports.bookings().freeSlots(siteId, serviceId, doctor, from, to).stream()
                .filter(s -> s.free() > 0 && seen.add(s.start())).toList();
    }

    /** The days from {@code from} to {@code to} with a free time, and how many (any doctor, or {@code doctor}). */
    List<org.queuedesk.common.appointment.SlotDayDto> freeDays(long siteId, long serviceId, String doctor,
                                                               LocalDate from, LocalDate to) {
        Where.of(ports, siteId, serviceId, clock.instant());
        return ports.bookings().freeDays(siteId, serviceId, doctor, from, to).stream()
                .filter(d -> d.freeTimes() > 0).toList();
    }

    /** Checks the code before the name step; a wrong try counts as for a ticket. */
    void checkCode(long siteId, String rawPhone, String code, String address) {
        Object outcome = db.write(tx -> online.verify(tx, siteId, rawPhone, code, address, clock.instant()));
        if (outcome instanceof Refused refused) {
            throw refused;
        }
    }

    /**
     * Books the slot starting at {@code slotStart} for the number whose code was typed, with the desks' rules
     * (the slot's places are checked in the writer's transaction), and writes the manage link's text.
     *
     * @throws Refused 400 for a wrong code or name, 429 past a limit; the appointment feature's 409/422 when
     *                 the slot is gone
     */
    Booked book(long siteId, long serviceId, Instant slotStart, String rawPhone, String code, String name,
                String address, String language) {
        var where = Where.of(ports, siteId, serviceId, clock.instant());
        try {
            OnlineBookingValidator.validate(new OnlineBookingValidator.OnlineBookingForm(serviceId,
                    slotStart.toString(), name));
        } catch (ApiProblem e) {
            throw new Refused(400, "bad_name", "name", e.getMessage()); // only the name can be wrong here
        }
        String patient = name.strip();
        Object outcome = db.write(tx -> {
            var now = where.now();
            Object checked = online.verify(tx, siteId, rawPhone, code, address, now);
            if (checked instanceof Refused refused) {
                return refused;
            }
            var verified = (Verified) checked;
            var limits = new OnlineLimits(tx, now);
            String byPhone = online.phoneKey(verified.phone());
            String byAddress = online.addressKey(address);
            limits.check(Kind.BOOKING, byPhone, settings.bookingsPerPhonePerDay(), DAY, "limit_bookings",
                    "This number already booked " + settings.bookingsPerPhonePerDay()
                            + " appointments online in the last 24 hours; please call or ask at reception.");
            limits.check(Kind.BOOKING, byAddress, settings.bookingsPerAddressPerDay(), DAY, "limit_address",
                    "Too many appointments were booked from this connection in the last 24 hours; please call or"
                            + " ask at reception.");
            var booked = ports.bookings().book(tx, new BookAppointmentRequest(serviceId, null, slotStart, patient,
                    verified.phone(), language), OnlineService.ACTOR);
            var dao = tx.attach(OnlineDao.class);
            dao.voidCode(verified.codeId(), now);
            limits.record(Kind.BOOKING, byPhone);
            limits.record(Kind.BOOKING, byAddress);
            dao.deleteManageLinksBefore(now);
            String token = newToken();
            dao.insertManageLink(hash(token), booked.id(), booked.slotEnd());
            String body = words.get(language, "sms_manage").replace("{site}", where.siteName())
                    .replace("{date}", booked.localDate().toString()).replace("{time}", booked.localTime())
                    .replace("{link}", publicUrl.get() + "/m/" + token);
            ports.manageTexts().send(tx, siteId, verified.phone(), language, body); // opted out: the page shows it
            return new Booked(booked, token);
        });
        if (outcome instanceof Refused refused) {
            throw refused;
        }
        return (Booked) outcome;
    }

    /** The booking a manage link opens, while the link lives; empty for a malformed, unknown or expired one. */
    Optional<AppointmentDto> managed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return db.read(h -> h.attach(OnlineDao.class).managedBooking(hash(token), clock.instant()))
                .map(id -> ports.bookings().find(id));
    }

    AppointmentDto cancel(String token) {
        long id = managedId(token);
        return db.write(tx -> ports.bookings().cancel(tx, id, OnlineService.ACTOR));
    }

    AppointmentDto move(String token, Instant slotStart) {
        long id = managedId(token);
        return db.write(tx -> {
            var moved = ports.bookings().move(tx, id, new MoveAppointmentRequest(slotStart, null), OnlineService.ACTOR);
            tx.attach(OnlineDao.class).extendManageLink(id, moved.slotEnd());
            return moved;
        });
    }

    private long managedId(String token) {
        return managed(token).map(AppointmentDto::id).orElseThrow(() -> new Refused(404, "no_booking", null,
                "This link is not valid, or its appointment has passed."));
    }

    private String newToken() {
        byte[] bits = new byte[24];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
