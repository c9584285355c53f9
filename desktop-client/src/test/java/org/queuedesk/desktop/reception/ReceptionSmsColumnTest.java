package org.queuedesk.desktop.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;
import org.queuedesk.desktop.testing.FxThreadStandIn;
import org.queuedesk.desktop.testing.ManualScheduler;
import org.queuedesk.desktop.testing.ScriptedSms;
import org.queuedesk.server.testing.TestServer;

/**
 * The reception's SMS column once was always "—". Against a real server whose text messages go to a scripted
 * provider (one number is refused, one has opted out), each ticket's message state reaches the column live, and a
 * desk that starts later reads the states it missed.
 */
class ReceptionSmsColumnTest {

    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private final Clock clock = Clock.systemUTC();
    private final TestServer server = ScriptedSms.demoServer(clock);
    private final SimpleBooleanProperty serverReachable = new SimpleBooleanProperty(true);
    private Desk first;
    private Desk second;

    @AfterEach
    void stop() {
        for (Desk desk : new Desk[] {first, second}) {
            if (desk != null) {
                desk.live.stop();
            }
        }
        server.close();
    }

    @Test
    void eachTicketsMessageStateReachesTheColumnLive() throws Exception {
        first = new Desk();
        var api = server.api().signedInAs("reception", "reception");
        api.issue(new IssueTicketRequest(1L, null, null, "Ana", ScriptedSms.SENT_TO, null));
        api.issue(new IssueTicketRequest(1L, null, null, "Bea", ScriptedSms.REFUSED, null));
        api.issue(new IssueTicketRequest(1L, null, null, "Cai", ScriptedSms.OPTED_OUT, null));
        api.issue(new IssueTicketRequest(1L, null, null, "Dan", null, null));

        first.fx.runUntil("every message has its outcome", () -> first.sms("A-001").equals("Sent")
                && first.sms("A-002").equals("Failed: " + ScriptedSms.REFUSAL) && first.sms("A-003").equals("Opted out")
                && first.listed("A-004"));

        assertThat(first.sms("A-004")).as("no phone, no message").isEqualTo("\u2014");
    }

    @Test
    void aDeskThatStartsLaterReadsTheStatesItMissed() throws Exception {
        first = new Desk();
        var api = server.api().signedInAs("reception", "reception");
        api.issue(new IssueTicketRequest(2L, null, null, null, ScriptedSms.SENT_TO, null));
        api.issue(new IssueTicketRequest(2L, null, null, null, ScriptedSms.REFUSED, null));
        first.fx.runUntil("both messages have their outcome", () -> first.sms("B-001").equals("Sent")
                && first.sms("B-002").startsWith("Failed"));

        second = new Desk();

        assertThat(second.sms("B-001")).isEqualTo("Sent");
        assertThat(second.sms("B-002")).isEqualTo("Failed: " + ScriptedSms.REFUSAL);
    }

    /** One reception desk: its own sign-in, live site and view-model. */
    private final class Desk {
        final FxThreadStandIn fx = new FxThreadStandIn();
        final LiveSite live;
        final ReceptionViewModel reception;

        Desk() throws Exception {
            TokenStore tokens = new TokenStore(clock);
            var client = new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), tokens,
                    Duration.ofSeconds(5));
            client.login("reception", "reception");
            var stream = new EventStreamClient(HttpClient.newHttpClient(), tokens, new ManualScheduler(),
                    ReconnectPolicy.DEFAULT, fx);
            live = new LiveSite(client, stream, new CurrentThreadExecutor(), serverReachable, messages);
            reception = new ReceptionViewModel(live, new CurrentThreadExecutor(), new TicketText(messages, clock));
            live.start();
            fx.runUntil("the desk is online", () -> live.onlineProperty().get());
        }

        boolean listed(String number) {
            return reception.tickets().stream().anyMatch(r -> r.number().equals(number));
        }

        String sms(String number) {
            return reception.tickets().stream().filter(r -> r.number().equals(number)).map(TicketRow::sms)
                    .findFirst().orElse("(not listed)");
        }
    }
}
