package org.queuedesk.desktop.reception;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuedesk.common.event.SmsEvent;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;

/**
 * Keeps the tickets table's SMS column current: each ticket's messages read once per snapshot for the tickets
 * with a phone number, then every {@code sms.updated} event; {@link SmsStates} decides what the cell says.
 */
final class SmsColumn {

    private static final Logger LOG = Logger.getLogger(SmsColumn.class.getName());

    private final LiveSite live;
    private final BackgroundExecutor background;
    private final Runnable refresh;
    private final SmsStates sms = new SmsStates();

    /** @param refresh shows the rows again once messages were read (events refresh them by themselves) */
    SmsColumn(LiveSite live, BackgroundExecutor background, Runnable refresh) {
        this.live = live;
        this.background = background;
        this.refresh = refresh;
    }

    /** Reads the messages now and with each snapshot, and follows every change. */
    void listen() {
        // the change listeners refresh the rows right after an event
        live.onEvent(event -> {
            // a display's copy has no message; a desk's always does
            if (event instanceof SmsEvent change && change.sms() != null) {
                sms.take(change.sms());
            }
        });
        live.onSnapshot(now -> read());
        read();
    }

    private void read() {
        var snapshot = live.snapshot();
        if (snapshot == null) {
            return;
        }
        List<Long> withPhone = snapshot.tickets().stream().filter(t -> t.phone() != null).map(TicketDto::id).toList();
        if (withPhone.isEmpty()) {
            return;
        }
        QueueDeskClient client = live.client();
        background.run(() -> {
            List<TicketSmsDto> all = new ArrayList<>();
            for (long id : withPhone) {
                all.add(client.ticketSms(id));
            }
            return all;
        }, all -> {
            all.forEach(sms::take);
            refresh.run();
        }, error -> LOG.log(Level.INFO, "Cannot read the tickets' text messages", error));
    }

    /** The cell's words for {@code ticket}. */
    String text(TicketDto ticket, TicketText words) {
        return sms.text(ticket, words);
    }
}
