package org.queuedesk.server.ticket;

import java.util.List;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * What other features do when a ticket is issued or moves (status links, text messages). Every hook runs
 * inside the ticket change's own write transaction: what it writes commits or rolls back with the change,
 * and a hook may refuse the change by throwing an {@link org.queuedesk.server.ground.ApiProblem}. Hooks must
 * never do network I/O; anything slow happens after commit.
 */
@Port
public interface TicketHooks {

    TicketHooks NONE = new TicketHooks() {
    };

    /** The phone number to store for a new ticket at a site (e.g. normalised to E.164), or a 400. */
    default String phoneFor(WriteTransaction tx, long siteId, String rawPhone) {
        return rawPhone;
    }

    /** A ticket was issued by {@code actor}; {@code language} is the patient's choice or null. */
    default void issued(WriteTransaction tx, TicketDto ticket, String language, String actor) {
    }

    /** A ticket moved by {@code action} (as its history records it). */
    default void moved(WriteTransaction tx, TicketAction action, TicketDto before, TicketDto after, String actor) {
    }

    /** Runs each hook in order; a phone number passes through every {@link #phoneFor}. */
    static TicketHooks all(TicketHooks... hooks) {
        var list = List.of(hooks);
        return new TicketHooks() {
            @Override
            public String phoneFor(WriteTransaction tx, long siteId, String rawPhone) {
                String phone = rawPhone;
                for (var hook : list) {
                    phone = hook.phoneFor(tx, siteId, phone);
                }
                return phone;
            }

            @Override
            public void issued(WriteTransaction tx, TicketDto ticket, String language, String actor) {
                list.forEach(h -> h.issued(tx, ticket, language, actor));
            }

            @Override
            public void moved(WriteTransaction tx, TicketAction action, TicketDto before, TicketDto after, String actor) {
                list.forEach(h -> h.moved(tx, action, before, after, actor));
            }
        };
    }
}
