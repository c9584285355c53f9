package org.queuedesk.server.online;

import static org.queuedesk.server.online.OnlineLimits.DAY;
import static org.queuedesk.server.online.OnlineLimits.HOUR;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.online.OnlineLimits.Kind;

/**
 * A patient takes a ticket from their own phone: a 6-digit code by text message, then the code for the
 * ticket. Codes are kept as a keyed hash of number and code, so a code typed with another number never
 * matches; they die after {@link OnlineSettings#CODE_LIFETIME}, after {@link OnlineSettings#MAX_WRONG_TRIES}
 * wrong tries, once used, or when a newer one is sent. Answers never depend on whether the number was seen
 * before (no enumeration); only an opted-out number is told it gets no code, since it could not read one.
 */
public final class OnlineService {

    static final String ACTOR = "online";
    private final Database db;
    private final OnlinePorts ports;
    private final OnlineSettings settings;
    private final int smsPerPhonePerDay;
    private final OnlineTexts words;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OnlineService(Database db, OnlinePorts ports, OnlineSettings settings, int smsPerPhonePerDay,
                         OnlineTexts words, Clock clock) {
        this.db = db;
        this.ports = ports;
        this.settings = settings;
        this.smsPerPhonePerDay = smsPerPhonePerDay;
        this.words = words;
        this.clock = clock;
    }

    /** A code was sent to {@code phone} (as stored, E.164), or not, because the number stopped text messages. */
    record CodeOutcome(boolean sent, String phone) {
    }

    /** A ticket was taken: its status page. */
    record Joined(String statusPath) {
    }

    CodeOutcome requestCode(long siteId, long serviceId, String rawPhone, String address, String language) {
        return requestCode(siteId, serviceId, rawPhone, address, language, true);
    }

    /**
     * A code for a ticket ({@code forTicket}: the service must be open to remote joining now) or for a booking
     * (the booking itself finds out whether its slot is still free).
     */
    CodeOutcome requestCode(long siteId, long serviceId, String rawPhone, String address, String language,
                            boolean forTicket) {
        var where = Where.of(ports, siteId, serviceId, clock.instant());
        return db.write(tx -> {
            var now = where.now();
            var limits = new OnlineLimits(tx, now);
            String byAddress = addressKey(address);
            limits.check(Kind.CODE, byAddress, settings.codesPerAddressPerHour(), HOUR, "limit_address",
                    "Too many codes were asked for from this connection in the last hour; wait an hour, or ask at reception.");
            String phone = normalise(tx, siteId, rawPhone);
            String byPhone = phoneKey(phone);
            limits.check(Kind.CODE, byPhone, settings.codesPerPhonePerHour(), HOUR, "limit_phone",
                    "This number was sent " + settings.codesPerPhonePerHour()
                            + " codes in the last hour; use the last one, or wait an hour.");
            limits.check(Kind.CODE, byPhone, smsPerPhonePerDay, DAY, "limit_phone",
                    "This number had as many text messages today as one number may get (" + smsPerPhonePerDay
                            + "); please ask at reception.");
            if (forTicket) {
                refuseIfClosed(tx, where);
            }
            limits.record(Kind.CODE, byAddress);
            limits.record(Kind.CODE, byPhone);
            var dao = tx.attach(OnlineDao.class);
            String phoneHash = ports.hasher().hash(phone);
            dao.voidCodes(siteId, phoneHash, now);
            dao.deleteCodesBefore(now.minus(DAY));
            String code = String.format("%06d", random.nextInt(1_000_000));
            dao.insertCode(siteId, phoneHash, codeHash(phone, code), now, now.plus(OnlineSettings.CODE_LIFETIME));
            String body = words.get(language, "sms_code").replace("{code}", code)
                    .replace("{site}", where.siteName());
            if (!ports.texts().send(tx, siteId, phone, language, body)) {
                dao.voidCodes(siteId, phoneHash, now);
                return new CodeOutcome(false, phone);
            }
            return new CodeOutcome(true, phone);
        });
    }

    /**
     * The code for a ticket. A wrong code counts (and is committed) before the refusal is thrown, so five
     * wrong tries void the code however they are sent.
     *
     * @throws Refused 400 for a wrong, expired or void code; 409 when the service is closed or full; 429 past a limit
     */
    Joined join(long siteId, long serviceId, String rawPhone, String code, String address, String language) {
        var where = Where.of(ports, siteId, serviceId, clock.instant());
        Object outcome = db.write(tx -> {
            var now = where.now();
            var limits = new OnlineLimits(tx, now);
            Object checked = verify(tx, siteId, rawPhone, code, address, now);
            if (checked instanceof Refused refused) {
                return refused;
            }
            var verified = (Verified) checked;
            String phone = verified.phone();
            var dao = tx.attach(OnlineDao.class);
            refuseIfClosed(tx, where);
            String byPhone = phoneKey(phone);
            limits.check(Kind.TICKET, byPhone, settings.ticketsPerPhonePerDay(), DAY, "limit_tickets",
                    "This number already took " + settings.ticketsPerPhonePerDay()
                            + " tickets online today; please ask at reception.");
            dao.voidCode(verified.codeId(), now);
            var ticket = ports.tickets().issue(tx, new IssueTicketRequest(serviceId, null, TicketSource.ONLINE, null,
                    phone, null, language), ACTOR);
            dao.onlineTicket(ticket.id(), serviceId, now);
            limits.record(Kind.TICKET, byPhone);
            return new Joined(ports.links().path(tx, ticket));
        });
        if (outcome instanceof Refused refused) {
            throw refused;
        }
        return (Joined) outcome;
    }

    /** A number whose newest code was typed right: the number as stored, and the code (still alive). */
    record Verified(String phone, long codeId) {
    }

    /**
     * Checks a typed code in the caller's transaction: a {@link Verified}, or the {@link Refused} to throw once
     * the transaction committed the wrong try (so five wrong tries void the code however they are sent). A try
     * counts against the client address's limit; the code is not used up here.
     */
    Object verify(WriteTransaction tx, long siteId, String rawPhone, String code, String address, Instant now) {
        var limits = new OnlineLimits(tx, now);
        String byAddress = addressKey(address);
        limits.check(Kind.TRY, byAddress, settings.triesPerAddressPerHour(), HOUR, "limit_address",
                "Too many codes were tried from this connection in the last hour; wait an hour, or ask at reception.");
        limits.record(Kind.TRY, byAddress);
        String phone = normalise(tx, siteId, rawPhone);
        var dao = tx.attach(OnlineDao.class);
        var stored = dao.latestCode(siteId, ports.hasher().hash(phone))
                .filter(c -> c.voidAt() == null && now.isBefore(c.expiresAt())
                        && c.wrongTries() < OnlineSettings.MAX_WRONG_TRIES);
        if (stored.isEmpty()) {
            return new Refused(400, "no_code", "code",
                    "this code has expired or can no longer be used; ask for a new code.");
        }
        String typed = code == null ? "" : code.strip();
        if (!MessageDigest.isEqual(codeHash(phone, typed).getBytes(StandardCharsets.US_ASCII),
                stored.get().codeHash().getBytes(StandardCharsets.US_ASCII))) {
            dao.wrongTry(stored.get().id());
            int left = OnlineSettings.MAX_WRONG_TRIES - stored.get().wrongTries() - 1;
            if (left <= 0) {
                dao.voidCode(stored.get().id(), now);
                return new Refused(400, "no_code", "code",
                        "that code is not right, and it was the last try; ask for a new code.");
            }
            return new Refused(400, "wrong_code", "code", "that code is not right; " + left + " tries left.");
        }
        return new Verified(phone, stored.get().id());
    }

    private void refuseIfClosed(WriteTransaction tx, Where where) {
        RemoteJoining.refusal(tx.handle(), where.service().id(), where.now(), where.zone(), where.today())
                .ifPresent(why -> {
                    throw new Refused(409, why, null, "closed".equals(why)
                            ? "This service does not take tickets from patients' phones now; please ask at reception."
                            : "As many patients as the clinic takes from their phones are waiting for this service;"
                                    + " please try again later, or ask at reception.");
                });
    }

    private String normalise(WriteTransaction tx, long siteId, String rawPhone) {
        if (rawPhone == null || rawPhone.isBlank()) {
            throw new Refused(400, "bad_phone", "phone", "type your mobile phone number.");
        }
        try {
            return ports.phones().normalise(tx, siteId, rawPhone);
        } catch (ApiProblem e) {
            throw new Refused(400, "bad_phone", "phone", e.getMessage());
        }
    }

    private String codeHash(String phone, String code) {
        return ports.hasher().hash("online-code:" + phone + ":" + code);
    }

    String phoneKey(String phone) {
        return "phone:" + ports.hasher().hash(phone);
    }

    String addressKey(String address) {
        return "address:" + ports.hasher().hash("address:" + address);
    }

    /** The site and service a request is for, read before its transaction; a service of another site is a 404. */
    record Where(String siteName, ZoneId zone, ServiceDto service, Instant now, LocalDate today) {

        static Where of(OnlinePorts ports, long siteId, long serviceId, Instant now) {
            var site = ports.sites().site(siteId);
            var service = ports.services().service(serviceId);
            if (service.siteId() != siteId || !service.active()) {
                throw ApiProblem.notFound("There is no service " + serviceId + " at this clinic.");
            }
            var zone = ZoneId.of(site.timeZone());
            return new Where(site.name(), zone, service, now, now.atZone(zone).toLocalDate());
        }
    }
}
