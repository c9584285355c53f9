package org.queuedesk.server.status;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteCatalog;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.ticket.TicketHooks;

/**
 * The unguessable link to a ticket's status page: 128 random bits from {@link SecureRandom}, base64url
 * (22 characters), made when the ticket is issued, for that ticket only, valid until the end of the
 * ticket's day at its site (numbers restart then, so the ticket is over either way).
 */
@Port
public final class TicketTokens implements TicketHooks {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private final SecureRandom random = new SecureRandom();
    private final Supplier<String> publicUrl;

    /** {@code publicUrl}: how patients reach this server, e.g. {@code https://queue.clinic.example}. */
    public TicketTokens(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** A token and when it stops working. */
    public record Token(String token, long ticketId, Instant expiresAt) {
    }

    @Override
    public void issued(WriteTransaction tx, TicketDto ticket, String language, String actor) {
        var token = newToken(ticket, SiteCatalog.site(tx, ticket.siteId()).orElseThrow().timeZone());
        TicketTokenWriteDao.insert(tx, token.token(), token.ticketId(), token.expiresAt());
    }

    /** The ticket's token, made now if it has none (tickets from before this feature). */
    public Token ensure(Handle h, TicketDto ticket) {
        return find(h, ticket.id()).orElseGet(
                () -> create(h.attach(TicketTokenDao.class), ticket,
                        h.attach(SiteDao.class).site(ticket.siteId()).orElseThrow().timeZone()));
    }

    private Token create(TicketTokenDao tokens, TicketDto ticket, String timeZone) {
        var token = newToken(ticket, timeZone);
        tokens.insert(token.token(), token.ticketId(), token.expiresAt());
        return token;
    }

    private Token newToken(TicketDto ticket, String timeZone) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Instant expires = ticket.serviceDate().plusDays(1).atStartOfDay(ZoneId.of(timeZone)).toInstant();
        return new Token(token, ticket.id(), expires);
    }

    public Optional<Token> find(Handle h, long ticketId) {
        return h.attach(TicketTokenDao.class).forTicket(ticketId);
    }

    /** The ticket a token belongs to, if the token exists and has not expired. */
    public Optional<Token> resolve(Handle h, String token, Instant now) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return h.attach(TicketTokenDao.class).find(token).filter(t -> now.isBefore(t.expiresAt()));
    }

    public String url(Token token) {
        return publicUrl.get() + "/t/" + token.token();
    }
}
