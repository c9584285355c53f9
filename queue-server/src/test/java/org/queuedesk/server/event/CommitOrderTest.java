package org.queuedesk.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.event.PrinterEvent;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.auth.DevicePrinterDto;

/**
 * Commits made on many threads reach the hub per site in sequence order, whatever order their threads
 * publish in (the EventHub's contract: each site's events in order, without gaps).
 */
class CommitOrderTest {

    private final CommitOrder order = new CommitOrder();
    private final List<Long> handed = new ArrayList<>();

    private static PublishedEvent event(long site, long seq) {
        var printer = new DevicePrinterDto(1, "Kiosk", "ok", null, Instant.EPOCH);
        return PublishedEvent.of(new PrinterEvent(seq, site, EventType.DEVICE_PRINTER, Instant.EPOCH, "kiosk", printer),
                JsonMapperFactory.create());
    }

    private void publish(long site, long... seqs) {
        var commit = new ArrayList<PublishedEvent>();
        for (long seq : seqs) {
            commit.add(event(site, seq));
        }
        order.publish(commit, events -> events.forEach(e -> handed.add(e.event().siteId() * 1000 + e.event().seq())));
    }

    @Test
    void aCommitThatArrivesEarlyWaitsForTheOnesBeforeIt() {
        order.taken(1, 5); // the first number this process took for site 1
        publish(1, 7, 8); // a Next's two events, published before the commit holding 5 and 6
        publish(1, 6);
        assertThat(handed).as("nothing before 5 and 6").isEmpty();
        publish(1, 5);
        assertThat(handed).containsExactly(1005L, 1006L, 1007L, 1008L);
    }

    @Test
    void sitesAreOrderedEachOnItsOwn() {
        order.taken(1, 1);
        order.taken(2, 1);
        publish(2, 2);
        publish(1, 1);
        publish(2, 1);
        assertThat(handed).containsExactly(1001L, 2001L, 2002L);
    }

    @Test
    void aSiteNotNumberedHereIsHandedOverAtOnce() {
        publish(3, 42);
        assertThat(handed).containsExactly(3042L);
    }
}
