package org.queuedesk.server.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.queuedesk.common.event.EventPayload.SmsChange;
import org.queuedesk.common.notify.SmsSiteSettingsDto;
import org.queuedesk.common.notify.SmsTemplateDto;
import org.queuedesk.common.notify.SmsTemplateRequest;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.privacy.PhoneHasher;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.status.PatientTexts;
import org.queuedesk.server.status.TicketTokens;
import org.queuedesk.server.queue.WaitEstimates.Wait;
import org.queuedesk.server.ticket.TicketDao;
import org.queuedesk.server.ground.PhoneNumbers;

/** Text messages as staff and admins see and set them, and the patient's "stop text messages". */
public final class SmsService implements PatientTexts {

    static final int MAX_SEGMENTS = 2;
    private final Database db;
    private final SmsTemplates templates;
    private final TicketTokens tokens;
    private final EventLog events;
    private final Clock clock;
    private final PhoneHasher phones;
    private final SmsTemplateValidator textRules = new SmsTemplateValidator(this::worstCaseSegments);

    public SmsService(Database db, SmsTemplates templates, TicketTokens tokens, EventLog events, Clock clock,
                      PhoneHasher phones) {
        this.db = db;
        this.phones = phones;
        this.templates = templates;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    public TicketSmsDto forTicket(long ticketId) {
        return db.read(h -> {
            var ticket = ticket(h, ticketId);
            var dao = h.attach(NotifyDao.class);
            var optOut = ticket.phone() == null ? java.util.Optional.<String>empty()
                    : dao.optOutSource(phones.hash(ticket.phone()));
            var link = tokens.find(h, ticketId).map(tokens::url).orElse(null);
            return new TicketSmsDto(ticketId, PhoneNumbers.mask(ticket.phone()), language(h, ticket), optOut.isPresent(),
                    optOut.map(SmsOutbox::optOutReason).orElse(null), link,
                    dao.forTicket(ticketId).stream().map(OutboxRow::toDto).toList());
        });
    }

    /**
     * The status link of a ticket, made now for a ticket that has none. A kiosk gets it only for a kiosk
     * ticket of its own site issued in the last few minutes (the one it is printing): the link can cancel.
     */
    public StatusLinkDto statusLink(long ticketId, org.queuedesk.server.ground.Principal caller) {
        return db.write(tx -> {
            var ticket = ticket(tx.handle(), ticketId);
            if (caller.device() && (!Long.valueOf(ticket.siteId()).equals(caller.siteId())
                    || ticket.source() != org.queuedesk.common.ticket.TicketSource.KIOSK
                    || ticket.issuedAt().isBefore(clock.instant().minus(java.time.Duration.ofMinutes(15))))) {
                throw org.queuedesk.server.ground.ApiProblem.forbidden(
                        "A kiosk may only print the link of a ticket it has just issued.");
            }
            var token = tokens.ensure(tx.handle(), ticket);
            return new StatusLinkDto(ticketId, tokens.url(token), token.expiresAt());
        });
    }

    @Override
    public boolean enabled(Handle h, TicketDto ticket) {
        return ticket.phone() != null && h.attach(NotifyDao.class).optOutSource(phones.hash(ticket.phone())).isEmpty();
    }

    @Override
    public void stop(WriteTransaction tx, TicketDto ticket) {
        if (ticket.phone() == null) {
            return;
        }
        var dao = tx.attach(NotifyDao.class);
        var now = clock.instant();
        String phoneHash = phones.hash(ticket.phone());
        dao.optOut(phoneHash, "patient", now);
        String reason = SmsOutbox.optOutReason(dao.optOutSource(phoneHash).orElse("patient"));
        for (var queued : dao.queuedFor(ticket.phone())) {
            if (dao.update(queued.id(), "opted_out", queued.attempts(), now, now, reason, null) == 1 && queued.aboutTicket()) {
                events.append(tx, queued.siteId(), "patient", new SmsChange(dao.find(queued.id()).orElseThrow().toDto()));
            }
        }
    }

    @Override
    public String language(Handle h, TicketDto ticket) {
        var dao = h.attach(NotifyDao.class);
        return dao.ticketLanguage(ticket.id())
                .orElseGet(() -> SmsTemplates.language(null, h.attach(SiteDao.class).smsLanguage(ticket.siteId()).orElse("en")));
    }

    public SmsSiteSettingsDto siteSettings(long siteId) {
        return db.read(h -> {
            h.attach(SiteDao.class).site(siteId).orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
            var dao = h.attach(SiteDao.class);
            return new SmsSiteSettingsDto(siteId, dao.phoneRegion(siteId).orElse(null), dao.smsLanguage(siteId).orElse("en"));
        });
    }

    public SmsSiteSettingsDto saveSiteSettings(long siteId, SmsSiteSettingsDto request) {
        SmsSiteSettingsValidator.validate(request);
        String region = request.phoneRegion() == null || request.phoneRegion().isBlank() ? null
                : request.phoneRegion().strip().toUpperCase(Locale.ROOT);
        String language = request.language() == null || request.language().isBlank() ? "en"
                : request.language().strip().toLowerCase(Locale.ROOT);
        db.write(tx -> {
            tx.attach(SiteDao.class).site(siteId).orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
            return tx.attach(SiteDao.class).setSmsSettings(siteId, region, language);
        });
        return siteSettings(siteId);
    }

    /** Every text of a service, in every language, as it will be sent. */
    public List<SmsTemplateDto> texts(long serviceId) {
        return db.read(h -> {
            h.attach(SiteDao.class).service(serviceId)
                    .orElseThrow(() -> ApiProblem.notFound("There is no service " + serviceId + "."));
            var dao = h.attach(NotifyDao.class);
            var list = new ArrayList<SmsTemplateDto>();
            for (String language : SmsTemplates.LANGUAGES) {
                for (SmsKind kind : SmsKind.values()) {
                    var custom = dao.customText(serviceId, language, kind.wireName());
                    String text = custom.orElseGet(() -> templates.defaultText(language, kind));
                    list.add(new SmsTemplateDto(serviceId, language, kind.wireName(), text, custom.isPresent(),
                            worstCaseSegments(text, language)));
                }
            }
            return list;
        });
    }

    public SmsTemplateDto saveText(long serviceId, SmsTemplateRequest request) {
        textRules.validate(request);
        String language = request.language().strip().toLowerCase(Locale.ROOT);
        SmsKind kind = SmsKind.fromWire(request.kind());
        String text = request.text() == null ? "" : request.text().strip();
        db.write(tx -> {
            tx.attach(SiteDao.class).service(serviceId)
                    .orElseThrow(() -> ApiProblem.notFound("There is no service " + serviceId + "."));
            var dao = tx.attach(NotifyDao.class);
            if (text.isEmpty()) {
                dao.deleteText(serviceId, language, kind.wireName());
            } else {
                dao.saveText(serviceId, language, kind.wireName(), text);
            }
            return null;
        });
        return texts(serviceId).stream()
                .filter(t -> t.language().equals(language) && t.kind().equals(kind.wireName()))
                .findFirst().orElseThrow();
    }

    /** SMS segments a text takes with every placeholder at its longest. */
    public int worstCaseSegments(String template, String language) {
        return SmsSegments.count(renderLongest(template, language));
    }

    public String renderLongest(String template, String language) {
        var values = new HashMap<>(SmsOutbox.longestValues());
        values.put("wait", templates.waitText(language, new Wait(120, 100, 140)));
        values.put("date", AppointmentSms.longestDate(language));
        return SmsTemplates.render(template, values);
    }

    private static TicketDto ticket(Handle h, long ticketId) {
        return h.attach(TicketDao.class).find(ticketId)
                .orElseThrow(() -> ApiProblem.notFound("There is no ticket " + ticketId + "."));
    }

    /** A site's messages that ended since a time, and how many failed (the alerts' SMS failure rate). */
    public NotifyDao.EndedMessages endedSince(long siteId, java.time.Instant since) {
        return db.read(h -> h.attach(NotifyDao.class).endedSince(siteId, since));
    }
}
