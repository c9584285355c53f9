package org.queuedesk.server.status;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.queue.WaitEstimates;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.ticket.TicketDao;
import org.queuedesk.server.ticket.TicketMoves;

/**
 * The patient's view of one ticket through its token, and the two things a patient may do with it:
 * cancel the ticket and stop text messages. Both are idempotent.
 */
public final class StatusService {

    static final String PATIENT = "patient (status page)";
    private final Database db;
    private final TicketTokens tokens;
    private final WaitEstimates waits;
    private final PatientTexts texts;
    private final TicketMoves moves;
    private final PageTexts words;
    private final Clock clock;

    public StatusService(Database db, TicketTokens tokens, WaitEstimates waits, PatientTexts texts, TicketMoves moves,
                         PageTexts words, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.waits = waits;
        this.texts = texts;
        this.moves = moves;
        this.words = words;
        this.clock = clock;
    }

    /** The ticket behind a live token. */
    public Optional<TicketTokens.Token> resolve(String token) {
        return db.read(h -> tokens.resolve(h, token, clock.instant()));
    }

    public long siteOf(TicketTokens.Token token) {
        return db.read(h -> h.attach(TicketDao.class).find(token.ticketId()).orElseThrow().siteId());
    }

    public Optional<StatusView> view(String token) {
        return db.read(h -> tokens.resolve(h, token, clock.instant()).map(t -> view(h, t)));
    }

    /**
     * The language of the ticket behind a token that has expired but is still kept: the language its text
     * messages were written in, so the link from a Spanish message does not end on an English page.
     */
    public Optional<String> languageOfExpired(String token) {
        return db.read(h -> tokens.resolve(h, token, java.time.Instant.MIN)
                .flatMap(t -> h.attach(TicketDao.class).find(t.ticketId()))
                .map(ticket -> texts.language(h, ticket)));
    }

    public StatusView cancel(String token) {
        return db.write(tx -> {
            var t = live(tx.handle(), token);
            var ticket = moves.load(tx, t.ticketId());
            switch (ticket.state()) {
                case CANCELLED -> { }
                case WAITING, NO_SHOW -> moves.cancel(tx, ticket, PATIENT);
                default -> throw ApiProblem.conflict("Ticket " + ticket.number() + " is " + ticket.state().wireName()
                        + "; it can no longer be cancelled here. Please ask at reception.", ticket.state().wireName());
            }
            return view(tx.handle(), t);
        });
    }

    public StatusView stopTexts(String token) {
        return db.write(tx -> {
            var t = live(tx.handle(), token);
            texts.stop(tx, moves.load(tx, t.ticketId()));
            return view(tx.handle(), t);
        });
    }

    private TicketTokens.Token live(Handle h, String token) {
        return tokens.resolve(h, token, clock.instant()).orElseThrow(() -> ApiProblem.notFound(
                "This link has expired or does not exist."));
    }

    StatusView view(Handle h, TicketTokens.Token token) {
        TicketDto ticket = h.attach(TicketDao.class).find(token.ticketId()).orElseThrow();
        var sites = h.attach(SiteDao.class);
        String language = texts.language(h, ticket);
        String service = sites.serviceName(ticket.serviceId(), language).orElseThrow();
        String site = sites.site(ticket.siteId()).orElseThrow().name();
        String room = ticket.roomId() == null ? null : sites.roomName(ticket.roomId(), language).orElseThrow();
        Integer position = null;
        Integer point = null;
        Integer min = null;
        Integer max = null;
        String waitText = null;
        String headline;
        switch (ticket.state()) {
            case WAITING -> {
                position = h.attach(TicketDao.class).waitingAhead(ticket) + 1;
                var wait = waits.forTicket(h, ticket);
                point = wait.map(WaitEstimates.Wait::minutes).orElse(null);
                min = wait.map(WaitEstimates.Wait::lowMinutes).orElse(null);
                max = wait.map(WaitEstimates.Wait::highMinutes).orElse(null);
                waitText = wait.map(w -> words.get(language, "wait.range").replace("{min}", "" + w.lowMinutes())
                        .replace("{max}", "" + w.highMinutes())).orElse(words.get(language, "wait.unknown"));
                headline = position == 1 ? words.get(language, "headline.next")
                        : words.get(language, "headline.waiting").replace("{position}", position.toString());
            }
            case CALLED -> headline = words.get(language, "headline.called").replace("{room}", room == null ? "" : room);
            case SERVING -> headline = words.get(language, "headline.serving");
            case NO_SHOW -> headline = words.get(language, "headline.no_show");
            case CANCELLED -> headline = words.get(language, "headline.cancelled");
            case EXPIRED -> headline = words.get(language, "headline.expired");
            default -> headline = words.get(language, "headline.done");
        }
        boolean hasPhone = ticket.phone() != null;
        boolean on = texts.enabled(h, ticket);
        String textsText = words.get(language, !hasPhone ? "texts.none" : on ? "texts.on" : "texts.off");
        boolean canCancel = ticket.state() == TicketState.WAITING || ticket.state() == TicketState.NO_SHOW;
        return new StatusView(ticket.number(), service, site, ticket.state().wireName(), position, min, max, room, on,
                hasPhone, canCancel, language, headline, waitText, textsText, point);
    }
}
