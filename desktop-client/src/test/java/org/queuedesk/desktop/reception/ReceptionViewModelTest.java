package org.queuedesk.desktop.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;
import org.queuedesk.desktop.testing.FxThreadStandIn;
import org.queuedesk.desktop.testing.LifecycleTable;
import org.queuedesk.desktop.testing.ManualScheduler;
import org.queuedesk.server.testing.TestServer;

/**
 * The front desk against a real server in-process (demo clinic, real sign-in): requests run on the current
 * thread, live events are queued by a stand-in FX thread and run by the test. No toolkit, no sleeps.
 */
class ReceptionViewModelTest {

    private static final String BAD_PHONE = "Phone: use digits, spaces and an optional leading +, e.g. +34 600 123 456.";

    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private final Clock clock = Clock.systemUTC();
    private final TestServer server = TestServer.startDemoWithSignIn(clock);
    private final FxThreadStandIn fxThread = new FxThreadStandIn();
    private final SimpleBooleanProperty serverReachable = new SimpleBooleanProperty(true);
    private QueueDeskClient client;
    private LiveSite live;
    private ReceptionViewModel reception;

    @BeforeEach
    void signInAndFollowTheSite() throws Exception {
        TokenStore tokens = new TokenStore(clock);
        client = new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), tokens, Duration.ofSeconds(5));
        client.login("reception", "reception");
        var stream = new EventStreamClient(HttpClient.newHttpClient(), tokens, new ManualScheduler(),
                ReconnectPolicy.DEFAULT, fxThread);
        live = new LiveSite(client, stream, new CurrentThreadExecutor(), serverReachable, messages);
        reception = new ReceptionViewModel(live, new CurrentThreadExecutor(), new TicketText(messages, clock));
        live.start();
        fxThread.runUntil("the desk is online", () -> live.onlineProperty().get());
    }

    @AfterEach
    void stop() {
        live.stop();
        server.close();
    }

    /** README "Wait estimates": "not known" until a room serves the service, then a point and its range. */
    @Test
    void theOverviewShowsTheWaitOfAPatientJoiningNowOnceARoomServesTheService() {
        assertThat(reception.queues().get(0).waitIfJoiningNow()).isEqualTo("not known");
        server.api().signedInAs("doctor", "doctor").openSession(live.snapshot().rooms().get(0).id(),
                List.of(service("A").id()), null);
        fxThread.runUntil("the overview has an estimate for A", () -> reception.queues().get(0).waitIfJoiningNow()
                .matches("\\d+ min \\(\\d+\u2013\\d+\\)"));
        // nobody waits and the room is free: no wait (the range is never narrower than 0-1 min)
        assertThat(reception.queues().get(0).waitIfJoiningNow()).isEqualTo("0 min (0\u20131)");
        assertThat(reception.queues().get(1).waitIfJoiningNow()).isEqualTo("not known");
    }

    @Test
    void aShortcutPicksTheServiceAndIssuingShowsA001AsTheLastIssuedNumber() throws Exception {
        assertThat(reception.services()).extracting(ServiceDto::prefix).containsExactly("A", "B", "C");
        assertThat(reception.issue().canIssueProperty().get()).isFalse();
        assertThat(reception.issue().selectByShortcut(3)).isFalse();

        assertThat(reception.issue().selectByShortcut(0)).isTrue();
        assertThat(reception.issue().selectedServiceNameProperty().get()).isEqualTo("General practice");
        assertThat(reception.issue().canIssueProperty().get()).isTrue();
        reception.issue().patientNameProperty().set("  Ana Ruiz ");
        reception.issue().priorityProperty().set(Priority.PRIORITY);
        reception.issue().issue();

        assertThat(reception.issue().issuedNumberProperty().get()).isEqualTo("A-001");
        assertThat(reception.issue().issuedDetailProperty().get()).isEqualTo("General practice \u00b7 Priority");
        assertThat(reception.issue().issueErrorProperty().get()).isEmpty();
        // the form is ready for the next patient
        assertThat(reception.issue().patientNameProperty().get()).isEmpty();
        assertThat(reception.issue().priorityProperty().get()).isEqualTo(Priority.NORMAL);
        assertThat(reception.issue().selectedServiceProperty().get()).isEqualTo(-1);
        assertThat(reception.issue().canIssueProperty().get()).isFalse();
        // the server has it, and the desk shows it at once
        TicketDto onServer = only(client.ticketsOfService(service("A").id()));
        assertThat(onServer.number()).isEqualTo("A-001");
        assertThat(onServer.state()).isEqualTo(TicketState.WAITING);
        assertThat(onServer.priority()).isEqualTo(Priority.PRIORITY);
        assertThat(onServer.source()).isEqualTo(TicketSource.RECEPTION);
        assertThat(onServer.patientName()).isEqualTo("Ana Ruiz");
        assertThat(reception.tickets()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo("A-001");
            assertThat(row.name()).isEqualTo("Ana Ruiz");
            assertThat(row.state()).isEqualTo("Waiting");
            assertThat(row.priority()).isEqualTo("Priority");
        });
        assertThat(reception.queues().get(0).shortcut()).isEqualTo("F1");
        assertThat(reception.queues().get(0).waiting()).isEqualTo(1);
    }

    @Test
    void issuingWithoutAServiceAsksForOneAndSendsNothing() throws Exception {
        reception.issue().issue();

        assertThat(reception.issue().issueErrorProperty().get()).isEqualTo("Choose a service first (F1, F2, \u2026)");
        assertThat(client.ticketsOfService(service("A").id())).isEmpty();

        reception.issue().selectByShortcut(0);
        assertThat(reception.issue().issueErrorProperty().get()).as("picking a service clears the hint").isEmpty();
    }

    @Test
    void anInvalidPhoneShowsTheServersReasonKeepsTheFormAndUsesNoNumber() throws Exception {
        reception.issue().selectByShortcut(1);
        reception.issue().phoneProperty().set("call me maybe");

        reception.issue().issue();

        assertThat(reception.issue().phoneErrorProperty().get()).as("shown by the phone field").isEqualTo(BAD_PHONE);
        assertThat(reception.issue().issueErrorProperty().get()).as("not repeated under the form").isEmpty();
        assertThat(reception.issue().issuedNumberProperty().get()).isEmpty();
        assertThat(reception.issue().issuingProperty().get()).isFalse();
        assertThat(client.ticketsOfService(service("B").id())).isEmpty();
        assertThat(reception.tickets()).isEmpty();
        // nothing typed is lost: correct the phone and issue again
        assertThat(reception.issue().phoneProperty().get()).isEqualTo("call me maybe");
        assertThat(reception.issue().selectedServiceProperty().get()).isEqualTo(1);

        reception.issue().phoneProperty().set("+34 600 123 456");
        assertThat(reception.issue().phoneErrorProperty().get()).as("correcting the number takes the reason away").isEmpty();
        reception.issue().issue();

        assertThat(reception.issue().issueErrorProperty().get()).isEmpty();
        assertThat(reception.issue().issuedNumberProperty().get()).isEqualTo("B-001");
        // stored in E.164, shown to staff masked (the full number: GET /api/tickets/{id}/phone, audited)
        assertThat(only(client.ticketsOfService(service("B").id())).phone()).isEqualTo("+34******456");
    }

    @Test
    void changingPriorityAndTransferringWithReturnChangeTheTicketOnTheServer() throws Exception {
        issueAt(0);
        reception.findNumberProperty().set(" a-001 ");
        reception.find();
        assertThat(reception.selectedTicketProperty().get().number()).isEqualTo("A-001");
        assertThat(reception.actions().canActProperty().get()).isTrue();

        reception.actions().newPriorityProperty().set(Priority.EMERGENCY);
        reception.actions().changePriority();

        assertThat(reception.actions().errorProperty().get()).isEmpty();
        assertThat(reception.actions().infoProperty().get()).isEqualTo("Priority of A-001 changed");
        long id = reception.selectedTicketProperty().get().id();
        assertThat(client.ticket(id).priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(reception.selectedTicketProperty().get().priority()).isEqualTo("Emergency");

        reception.actions().transfer();
        assertThat(reception.actions().errorProperty().get()).isEqualTo("Choose the service to transfer to");

        reception.actions().transferForm().targetProperty().set(service("B"));
        reception.actions().transferForm().returnsProperty().set(true);
        reception.actions().transfer();

        assertThat(reception.actions().infoProperty().get()).isEqualTo("Ticket A-001 transferred");
        TicketDto moved = client.ticket(id);
        assertThat(moved.number()).isEqualTo("A-001");
        assertThat(moved.state()).isEqualTo(TicketState.WAITING);
        assertThat(moved.serviceId()).isEqualTo(service("B").id());
        assertThat(moved.returnServiceId()).isEqualTo(service("A").id());
        assertThat(reception.selectedTicketProperty().get().service()).isEqualTo("Blood tests");
        assertThat(reception.queues()).extracting(ServiceQueueRow::waiting).containsExactly(0, 1, 0);
    }

    @Test
    void cancellingAsksFirstAndOnlyAConfirmedCancelEndsTheTicket() throws Exception {
        reception.issue().selectByShortcut(2);
        reception.issue().patientNameProperty().set("Ana");
        reception.issue().issue();
        reception.selectedTicketProperty().set(reception.tickets().get(0));
        long id = reception.selectedTicketProperty().get().id();

        reception.actions().cancel();

        var question = reception.actions().confirmation().property().get();
        assertThat(question).as("one click asks, it does not cancel").isNotNull();
        assertThat(question.title()).isEqualTo("Cancel ticket C-001?");
        assertThat(question.message()).startsWith("Ana leaves the queue for good");
        assertThat(client.ticket(id).state()).isEqualTo(TicketState.WAITING);

        reception.actions().confirmation().dismiss();
        assertThat(client.ticket(id).state()).as("going back keeps the ticket").isEqualTo(TicketState.WAITING);

        reception.actions().cancel();
        reception.actions().confirmation().confirm();

        assertThat(client.ticket(id).state()).isEqualTo(TicketState.CANCELLED);
        assertThat(reception.actions().infoProperty().get()).isEqualTo("Ticket C-001 cancelled");
        assertThat(reception.selectedTicketProperty().get().state()).isEqualTo("Cancelled");
        assertThat(reception.queues().get(2).waiting()).isZero();
        assertThat(reception.actions().canCancelProperty().get()).as("a cancelled ticket cannot be cancelled again").isFalse();
        reception.actions().cancel();
        assertThat(reception.actions().confirmation().isPending()).isFalse();
        assertThat(reception.actions().canActProperty().get()).as("the desk stays usable").isTrue();
    }

    @Test
    void aConfirmedCancelEndsTheTicketAskedAboutEvenIfTheSelectionMovedOn() throws Exception {
        issueAt(0);
        issueAt(0);
        TicketRow first = row("A-001");
        reception.selectedTicketProperty().set(first);
        reception.actions().cancel();

        reception.selectedTicketProperty().set(row("A-002"));

        assertThat(reception.actions().confirmation().isPending()).as("another ticket takes the question away").isFalse();
        assertThat(client.ticket(first.id()).state()).isEqualTo(TicketState.WAITING);
    }

    @Test
    void eachButtonIsEnabledOnlyWhereTheReadmesLifecycleAllowsItsAction() throws Exception {
        var doctorDesk = server.api().signedInAs("doctor", "doctor");
        var session = doctorDesk.openSession(live.snapshot().rooms().get(0).id(), List.of(service("A").id()), null); // in the signed-in doctor's own name
        issueAt(0);
        long first = row("A-001").id();
        assertActionsFollowTheTable(first, TicketState.WAITING);

        doctorDesk.next(session.id());
        assertActionsFollowTheTable(first, TicketState.CALLED);
        doctorDesk.post("/api/sessions/" + session.id() + "/serve", null);
        assertActionsFollowTheTable(first, TicketState.SERVING);
        doctorDesk.post("/api/sessions/" + session.id() + "/done", null);
        assertActionsFollowTheTable(first, TicketState.DONE);

        issueAt(0);
        long second = row("A-002").id();
        doctorDesk.next(session.id());
        doctorDesk.post("/api/sessions/" + session.id() + "/no-show", null);
        assertActionsFollowTheTable(second, TicketState.NO_SHOW);
        reception.actions().cancel();
        reception.actions().confirmation().confirm();
        assertActionsFollowTheTable(second, TicketState.CANCELLED);

        reception.selectedTicketProperty().set(null);
        assertThat(List.of(reception.actions().canCancelProperty().get(), reception.actions().canRequeueProperty().get(),
                reception.actions().canChangePriorityProperty().get(), reception.actions().canTransferProperty().get(),
                reception.actions().canShowStatusLinkProperty().get())).as("nothing selected").containsOnly(false);
    }

    private void assertActionsFollowTheTable(long ticketId, TicketState state) throws Exception {
        fxThread.runUntil("the desk shows the ticket " + state, () -> live.board().ticket(ticketId)
                .map(t -> t.state() == state).orElse(false));
        assertThat(client.ticket(ticketId).state()).isEqualTo(state);
        reception.selectedTicketProperty().set(reception.tickets().stream().filter(r -> r.id() == ticketId)
                .findFirst().orElseThrow());
        assertThat(reception.actions().canCancelProperty().get()).as("cancel " + state)
                .isEqualTo(LifecycleTable.allows("cancel", state));
        assertThat(reception.actions().canRequeueProperty().get()).as("requeue " + state)
                .isEqualTo(LifecycleTable.allows("requeue", state));
        assertThat(reception.actions().canChangePriorityProperty().get()).as("priority " + state)
                .isEqualTo(LifecycleTable.allows("change_priority", state));
        assertThat(reception.actions().canTransferProperty().get()).as("transfer " + state)
                .isEqualTo(LifecycleTable.allows("transfer", state));
        assertThat(reception.actions().canShowStatusLinkProperty().get()).as("status link " + state)
                .isEqualTo(LifecycleTable.allows("status_link", state));
    }

    @Test
    void theTransferTargetReturnAndMessagesDoNotCarryOverToAnotherTicket() throws Exception {
        issueAt(0);
        issueAt(1);
        reception.selectedTicketProperty().set(row("A-001"));
        reception.actions().transferForm().targetProperty().set(service("C"));
        reception.actions().transferForm().returnsProperty().set(true);
        reception.actions().newPriorityProperty().set(Priority.EMERGENCY);
        reception.actions().transfer();
        assertThat(reception.actions().infoProperty().get()).isEqualTo("Ticket A-001 transferred");
        reception.tick(); // the rows are refreshed with the clock: the same ticket keeps its message
        assertThat(reception.actions().infoProperty().get()).isEqualTo("Ticket A-001 transferred");

        reception.selectedTicketProperty().set(row("B-001"));

        assertThat(reception.actions().transferForm().targetProperty().get()).isNull();
        assertThat(reception.actions().transferForm().returnsProperty().get()).isFalse();
        assertThat(reception.actions().newPriorityProperty().get()).as("the ticket's own priority").isEqualTo(Priority.NORMAL);
        assertThat(reception.actions().infoProperty().get()).isEmpty();
    }

    @Test
    void findTakesNumbersAsPeopleTypeThemAndItsComplaintGoesWhenTheNumberIsFixed() {
        issueAt(1);
        for (String typed : List.of("b-1", "B1", "b 1")) {
            reception.selectedTicketProperty().set(null);
            reception.findNumberProperty().set(typed);
            reception.find();
            assertThat(reception.findErrorProperty().get()).as(typed).isEmpty();
            assertThat(reception.selectedTicketProperty().get()).as(typed).isNotNull();
            assertThat(reception.selectedTicketProperty().get().number()).as(typed).isEqualTo("B-001");
        }

        reception.findNumberProperty().set("B-9");
        reception.find();
        assertThat(reception.findErrorProperty().get()).isEqualTo("There is no ticket B-009 today");
        reception.findNumberProperty().set("B-1");
        assertThat(reception.findErrorProperty().get()).as("editing the number takes the complaint away").isEmpty();
    }

    @Test
    void theStatusLinkShowsTheServersLinkForTheTicketAndPrintsItOnTheBackgroundSeam() throws Exception {
        List<StatusLinkCard> printed = new java.util.ArrayList<>();
        var desk = new ReceptionViewModel(live, new CurrentThreadExecutor(), new TicketText(messages, clock),
                printed::add);
        desk.issue().selectByShortcut(0);
        desk.issue().issue();
        desk.selectedTicketProperty().set(desk.tickets().get(0));
        long id = desk.selectedTicketProperty().get().id();

        desk.showStatusLink();

        StatusLinkCard card = desk.statusLink().cardProperty().get();
        assertThat(card.number()).isEqualTo("A-001");
        assertThat(card.url()).isEqualTo(client.statusLink(id).orElseThrow().url()).contains("/t/");
        assertThat(card.validUntil()).startsWith("Valid until ");

        desk.statusLink().print();

        assertThat(printed).containsExactly(card);
        assertThat(desk.statusLink().infoProperty().get()).isEqualTo("Slip for A-001 printed");
        desk.statusLink().close();
        assertThat(desk.statusLink().cardProperty().get()).isNull();

        var jammed = new ReceptionViewModel(live, new CurrentThreadExecutor(), new TicketText(messages, clock),
                slip -> {
                    throw new IllegalStateException("No printer is set up on this computer");
                });
        jammed.selectedTicketProperty().set(jammed.tickets().get(0));
        jammed.showStatusLink();
        jammed.statusLink().print();
        assertThat(jammed.statusLink().infoProperty().get()).isEqualTo("Not printed: No printer is set up on this computer");
        assertThat(jammed.statusLink().printingProperty().get()).isFalse();
    }

    private TicketRow row(String number) {
        return reception.tickets().stream().filter(r -> r.number().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void whileTheServerDoesNotAnswerActionsAreDisabledWithTheReasonAndNothingIsSent() throws Exception {
        issueAt(0);
        reception.selectedTicketProperty().set(reception.tickets().get(0));
        reception.issue().selectByShortcut(0);
        assertThat(live.offlineReasonProperty().get()).isEmpty();

        serverReachable.set(false);

        assertThat(reception.issue().canIssueProperty().get()).isFalse();
        assertThat(reception.actions().canActProperty().get()).isFalse();
        assertThat(live.offlineReasonProperty().get()).startsWith("The server does not answer");
        reception.issue().issue();
        reception.actions().cancel();
        assertThat(client.ticketsOfService(service("A").id())).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(TicketState.WAITING));
        assertThat(reception.issue().issuedNumberProperty().get()).isEqualTo("A-001");

        serverReachable.set(true);

        assertThat(live.offlineReasonProperty().get()).isEmpty();
        assertThat(reception.issue().canIssueProperty().get()).isTrue();
        assertThat(reception.actions().canActProperty().get()).isTrue();
    }

    @Test
    void withoutTheLiveStreamActionsWaitAndSayWhy() {
        reception.issue().selectByShortcut(0);

        live.stop();

        assertThat(reception.issue().canIssueProperty().get()).isFalse();
        assertThat(live.offlineReasonProperty().get()).startsWith("Connecting to live updates");
    }

    @Test
    void ticketsIssuedElsewhereArriveLiveInTheQueuesAndTheList() {
        var kiosk = server.api().signedInAs("reception", "reception");
        kiosk.issue(new IssueTicketRequest(service("B").id(), null, TicketSource.KIOSK, null, null, null));
        kiosk.issue(new IssueTicketRequest(service("B").id(), null, TicketSource.KIOSK, null, null, null));

        fxThread.runUntil("both tickets are listed", () -> reception.tickets().size() == 2);

        assertThat(reception.tickets()).extracting(TicketRow::number).containsExactly("B-002", "B-001");
        assertThat(reception.queues()).extracting(ServiceQueueRow::waiting).containsExactly(0, 2, 0);

        reception.findNumberProperty().set("B-002");
        reception.find();
        assertThat(reception.selectedTicketProperty().get().number()).isEqualTo("B-002");
    }

    @Test
    void findingANumberThatDoesNotExistSaysSo() {
        reception.findNumberProperty().set("Z-999");
        reception.find();

        assertThat(reception.findErrorProperty().get()).isEqualTo("There is no ticket Z-999 today");
        assertThat(reception.selectedTicketProperty().get()).isNull();

        reception.findNumberProperty().set("  ");
        reception.find();
        assertThat(reception.findErrorProperty().get()).isEqualTo("Type a ticket number, e.g. A-042");
    }

    private void issueAt(int shortcut) {
        assertThat(reception.issue().selectByShortcut(shortcut)).isTrue();
        reception.issue().issue();
        assertThat(reception.issue().issueErrorProperty().get()).isEmpty();
    }

    private ServiceDto service(String prefix) {
        return reception.services().stream().filter(s -> s.prefix().equals(prefix)).findFirst().orElseThrow();
    }

    private static TicketDto only(List<TicketDto> tickets) {
        assertThat(tickets).hasSize(1);
        return tickets.get(0);
    }
}
