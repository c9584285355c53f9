package org.queuedesk.desktop.reception;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.queuedesk.common.notify.SmsMessageDto;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.desktop.live.TicketText;

/**
 * Each ticket's latest text message as the SMS column shows it: read for the tickets with a phone number with
 * each snapshot, then kept live from {@code sms.updated} events. Plain Java, used on the FX thread only.
 */
final class SmsStates {

    private static final String QUEUED = "queued";

    private final Map<Long, SmsMessageDto> latest = new HashMap<>();
    private final Set<Long> optedOut = new HashSet<>();

    /** Takes a message's state unless a newer one is known: a list read slowly must not undo a later event. */
    void take(SmsMessageDto message) {
        latest.merge(message.ticketId(), message, SmsStates::newer);
    }

    void take(TicketSmsDto ticket) {
        if (ticket.optedOut()) {
            optedOut.add(ticket.ticketId());
        }
        ticket.messages().forEach(this::take);
    }

    // A later message of the ticket wins; a message only ever leaves "queued" (for sent, logged, failed or
    // opted out), and while queued its retries move updatedAt on.
    private static SmsMessageDto newer(SmsMessageDto known, SmsMessageDto fresh) {
        if (fresh.id() != known.id()) {
            return fresh.id() > known.id() ? fresh : known;
        }
        boolean knownFinal = !QUEUED.equals(known.state());
        boolean freshFinal = !QUEUED.equals(fresh.state());
        if (knownFinal != freshFinal) {
            return knownFinal ? known : fresh;
        }
        return known.updatedAt() != null && fresh.updatedAt() != null && fresh.updatedAt().isBefore(known.updatedAt())
                ? known : fresh;
    }

    /** The column's words: the latest message's state, a failure with its reason, or a dash without messages. */
    String text(TicketDto ticket, TicketText words) {
        SmsMessageDto message = latest.get(ticket.id());
        if (message == null) {
            return words.format(optedOut.contains(ticket.id()) ? "sms.state.opted_out" : "sms.none");
        }
        String state = switch (message.state()) {
            case QUEUED, "sent", "logged", "failed", "opted_out" -> message.state();
            default -> "unknown";
        };
        String reason = message.reason() == null ? "" : message.reason();
        return words.format("sms.state." + state, reason, message.state());
    }
}
