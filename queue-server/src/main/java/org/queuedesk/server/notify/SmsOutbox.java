package org.queuedesk.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.queuedesk.common.event.EventPayload.SmsChange;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.privacy.PhoneHasher;
import org.queuedesk.server.site.SiteCatalog;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.queue.WaitEstimates;
import org.queuedesk.server.status.TicketTokens;
import org.queuedesk.server.ticket.TicketAction;
import org.queuedesk.server.ticket.TicketDao;
import org.queuedesk.server.ticket.TicketHooks;
import org.queuedesk.server.ticket.TicketWriteDao;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * Writes a ticket's text messages to the outbox inside the transaction that changes the ticket, so the
 * message exists exactly when the change does; the {@link SmsDispatcher} sends it after commit. Also
 * normalises phone numbers and enforces the abuse limits (which refuse the whole issue with a 429).
 */
public final class SmsOutbox implements TicketHooks {

    static final String ACTOR = "sms";
    private final SmsSettings settings;
    private final SmsTemplates templates;
    private final TicketTokens tokens;
    private final WaitEstimates waits;
    private final EventLog events;
    private final Clock clock;
    private final Runnable wakeDispatcher;
    private final PhoneHasher phones;

    public SmsOutbox(SmsSettings settings, SmsTemplates templates, TicketTokens tokens, WaitEstimates waits,
                     EventLog events, Clock clock, Runnable wakeDispatcher, PhoneHasher phones) {
        this.phones = phones;
        this.settings = settings;
        this.templates = templates;
        this.tokens = tokens;
        this.waits = waits;
        this.events = events;
        this.clock = clock;
        this.wakeDispatcher = wakeDispatcher;
    }

    @Override
    public String phoneFor(WriteTransaction tx, long siteId, String rawPhone) {
        return PhoneNumbers.toE164(rawPhone, tx.attach(SiteDao.class).phoneRegion(siteId).orElse(null));
    }

    @Override
    public void issued(WriteTransaction tx, TicketDto ticket, String language, String actor) {
        var dao = tx.attach(NotifyDao.class);
        if (language != null) {
            // kept for every ticket: the status page speaks the patient's language too
            String siteLanguage = tx.attach(SiteDao.class).smsLanguage(ticket.siteId()).orElse("en");
            String chosen = SmsTemplates.language(language, siteLanguage);
            if (!chosen.equals(siteLanguage)) {
                dao.setTicketLanguage(ticket.id(), chosen);
            }
        }
        if (ticket.phone() == null) {
            return;
        }
        int perDay = tx.attach(TicketDao.class).withPhoneOn(ticket.phone(), ticket.serviceDate());
        if (perDay > settings.maxPerPhonePerDay()) {
            throw ApiProblem.tooManyRequests("This phone number already has " + settings.maxPerPhonePerDay()
                    + " tickets with text messages today; issue the ticket without a phone number, or ask at reception.");
        }
        if (ticket.source() == TicketSource.KIOSK) {
            int lastMinute = tx.attach(TicketDao.class).withPhoneIssuedBy(actor, clock.instant().minus(Duration.ofMinutes(1)));
            if (lastMinute > settings.maxPerKioskPerMinute()) {
                throw ApiProblem.tooManyRequests("This kiosk issued " + settings.maxPerKioskPerMinute()
                        + " tickets with text messages in the last minute; wait a minute, or print the ticket instead.");
            }
        }
        enqueue(tx, ticket, SmsKind.CONFIRMATION);
    }

    @Override
    public void moved(WriteTransaction tx, TicketAction action, TicketDto before, TicketDto after, String actor) {
        if (after.phone() != null) {
            textFor(action).ifPresent(kind -> enqueue(tx, after, kind));
        }
        // positions change only when a ticket leaves or joins a waiting line (not on done, recall, serve); an
        // expiry ends the whole day's line, so nobody behind comes within reach of a turn
        if (action == TicketAction.EXPIRE
                || before.state() != TicketState.WAITING && after.state() != TicketState.WAITING) {
            return;
        }
        // the tickets behind may have come within reach of their turn, at the old service and the new
        var services = new LinkedHashSet<Long>();
        services.add(before.serviceId());
        services.add(after.serviceId());
        for (long serviceId : services) {
            almostTurn(tx, serviceId, after);
        }
    }

    /**
     * The message a move itself sends the patient, if any. Every action is named, so a new one cannot go
     * without a decision; the confirmation goes on issue ({@link #issued}), "almost your turn" to the others.
     */
    static Optional<SmsKind> textFor(TicketAction action) {
        return Optional.ofNullable(switch (action) {
            case CALL, RECALL -> SmsKind.YOUR_TURN;
            case CANCEL -> SmsKind.CANCELLED;
            case TRANSFER, RETURN -> SmsKind.TRANSFER; // a return is a transfer back to where it came from
            // at midnight: the patient left long ago, and a text in the night helps nobody
            case ISSUE, SERVE, DONE, NO_SHOW, REQUEUE, CHANGE_PRIORITY, EXPIRE -> null;
        });
    }

    /** "Almost your turn", once per ticket and service, to each waiting ticket now within N of the head. */
    private void almostTurn(WriteTransaction tx, long serviceId, TicketDto moved) {
        var service = SiteCatalog.service(tx, serviceId).orElseThrow();
        int n = service.almostTurnPosition();
        if (n <= 0) {
            return;
        }
        var dao = tx.attach(NotifyDao.class);
        var head = TicketWriteDao.head(tx, serviceId, moved.serviceDate(), n);
        for (var waiting : head) {
            if (waiting.phone() != null && !dao.toldAlmostTurn(waiting.id(), serviceId, n)) {
                var ticket = TicketWriteDao.find(tx, waiting.id()).orElseThrow();
                enqueue(tx, ticket, SmsKind.ALMOST_TURN);
            }
        }
    }

    private void enqueue(WriteTransaction tx, TicketDto ticket, SmsKind kind) {
        var h = tx.handle();
        var dao = tx.attach(NotifyDao.class);
        String language = languageOf(h, ticket);
        Integer position = ticket.state() == TicketState.WAITING
                ? h.attach(TicketDao.class).waitingAhead(ticket) + 1 : null;
        String body = render(tx, ticket, kind, language, position);
        var now = clock.instant();
        var optOut = dao.optOutSource(phones.hash(ticket.phone()));
        OutboxRow row = optOut.isPresent()
                ? dao.insert(ticket.id(), ticket.siteId(), ticket.serviceId(), kind.wireName(), position, ticket.phone(),
                        language, body, "opted_out", now, optOutReason(optOut.get()))
                : dao.insert(ticket.id(), ticket.siteId(), ticket.serviceId(), kind.wireName(), position, ticket.phone(),
                        language, body, "queued", now, null);
        events.append(tx, ticket.siteId(), ACTOR, new SmsChange(row.toDto()));
        if (optOut.isEmpty()) {
            tx.afterCommit(wakeDispatcher);
        }
    }

    /**
     * Writes a verification code's text to the outbox (sent after commit like any other), unless the number
     * is opted out: then nothing is written and the answer is false, for the page to say why.
     */
    public boolean sendCode(WriteTransaction tx, long siteId, String phone, String language, String body) {
        return sendWithoutTicket(tx, "verification_code", siteId, phone, language, body);
    }

    /** Writes a booking's manage link to the outbox, as {@link #sendCode} does a code (its text is dropped once out). */
    public boolean sendManageLink(WriteTransaction tx, long siteId, String phone, String language, String body) {
        return sendWithoutTicket(tx, "manage_link", siteId, phone, language, body);
    }

    private boolean sendWithoutTicket(WriteTransaction tx, String kind, long siteId, String phone, String language,
                                      String body) {
        var dao = tx.attach(NotifyDao.class);
        if (dao.optOutSource(phones.hash(phone)).isPresent()) {
            return false;
        }
        dao.insertCode(siteId, kind, phone, language, body, "queued", clock.instant(), null);
        tx.afterCommit(wakeDispatcher);
        return true;
    }

    static String optOutReason(String source) {
        return "sns".equals(source)
                ? "The number is on the SNS opt-out list (the patient replied STOP); nothing is sent to it."
                : "The patient stopped text messages on the status page; nothing is sent to this number.";
    }

    String languageOf(Handle h, TicketDto ticket) {
        var dao = h.attach(NotifyDao.class);
        return dao.ticketLanguage(ticket.id())
                .orElseGet(() -> SmsTemplates.language(null, h.attach(SiteDao.class).smsLanguage(ticket.siteId()).orElse("en")));
    }

    private String render(WriteTransaction tx, TicketDto ticket, SmsKind kind, String language, Integer position) {
        var h = tx.handle();
        var sites = h.attach(SiteDao.class);
        // the service and site as the writer remembers them: one statement fewer each per text
        var service = SiteCatalog.service(tx, ticket.serviceId()).orElseThrow();
        String template = h.attach(NotifyDao.class).customText(service.id(), language, kind.wireName())
                .orElseGet(() -> templates.defaultText(language, kind));
        Map<String, String> values = new HashMap<>();
        values.put("number", ticket.number());
        // the patient's language for the names too: a Spanish text with an English service name reads wrong
        values.put("service", sites.serviceName(service.id(), language).orElse(service.name()));
        values.put("site", SiteCatalog.site(tx, ticket.siteId()).orElseThrow().name());
        values.put("position", position == null ? "" : position.toString());
        // the position already counted who is ahead: the estimate does not count them again
        values.put("wait", position == null ? "" : templates.waitText(language,
                waits.forTicket(h, ticket, position - 1).orElse(null)));
        values.put("room", ticket.roomId() == null ? "" : sites.roomName(ticket.roomId(), language).orElseThrow());
        values.put("link", tokens.url(tokens.ensure(h, ticket)));
        return SmsTemplates.render(template, values);
    }

    /** Example values at their longest, to size a text before it is saved or shipped. */
    static Map<String, String> longestValues() {
        return Map.ofEntries(Map.entry("number", "ABC-1234"), Map.entry("service", "General practice (adults)"),
                Map.entry("site", "Riverside Clinic"), Map.entry("position", "25"), Map.entry("wait", ""),
                Map.entry("room", "Room 12"), Map.entry("link", "https://queue.riverside-clinic.example/t/AbCdEfGhIjKlMnOpQrStUv"),
                Map.entry("date", ""), Map.entry("time", "12:30"), Map.entry("doctor", "Dr. Alejandra Fernandez"),
                Map.entry("place", "Riverside Clinic"), Map.entry("code", "7KX4PA"));
    }

    SmsSettings settings() {
        return settings;
    }
}
