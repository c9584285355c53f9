package org.queuedesk.desktop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;
import org.queuedesk.desktop.testing.FxThreadStandIn;
import org.queuedesk.desktop.testing.LifecycleTable;
import org.queuedesk.desktop.testing.ManualScheduler;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;

/**
 * The consulting room against a real server in-process (demo clinic, real sign-in). Requests run on the
 * current thread (or are held, to look at the desk mid-request); live events are queued by a stand-in FX
 * thread and run by the test when it chooses. No toolkit, no sleeps.
 */
class DoctorViewModelTest {

    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private final Clock clock = Clock.systemUTC();
    private final TestServer server = TestServer.startDemoWithSignIn(clock);
    private final Api reception = server.api().signedInAs("reception", "reception");
    private final Api otherDesk = server.api().signedInAs("doctor", "doctor");
    /** Another doctor (the demo's nurse): sessions belong to the user who opened them. */
    private final Api nurseDesk = server.api().signedInAs("nurse", "nurse");
    private final FxThreadStandIn fxThread = new FxThreadStandIn();
    private final SimpleBooleanProperty serverReachable = new SimpleBooleanProperty(true);
    private final HeldExecutor background = new HeldExecutor();
    private QueueDeskClient client;
    private LiveSite live;
    private DoctorViewModel doctor;

    @BeforeEach
    void signInAndFollowTheSite() throws Exception {
        TokenStore tokens = new TokenStore(clock);
        client = new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), tokens, Duration.ofSeconds(5));
        client.login("doctor", "doctor");
        var stream = new EventStreamClient(HttpClient.newHttpClient(), tokens, new ManualScheduler(),
                ReconnectPolicy.DEFAULT, fxThread);
        live = new LiveSite(client, stream, new CurrentThreadExecutor(), serverReachable, messages);
        doctor = new DoctorViewModel(live, background, new TicketText(messages, clock), "doctor"); // a session is in the signed-in user's name
        live.start();
        fxThread.runUntil("the desk is online", () -> live.onlineProperty().get());
    }

    @AfterEach
    void stop() {
        live.stop();
        server.close();
    }

    @Test
    void aDoctorsDeskDoesNotReadTheQueueOverviewAgainAfterEveryEvent() {
        // only reception shows the estimated waits; every read of them runs the server's estimator
        var heard = new java.util.concurrent.atomic.AtomicInteger();
        live.onEvent(event -> heard.incrementAndGet());
        long before = queueStatusReads();
        for (int i = 0; i < 3; i++) {
            reception.issue(service("A").id());
        }
        fxThread.runUntil("the desk heard the three tickets", () -> heard.get() >= 3);
        assertThat(queueStatusReads()).as("queue-status reads by the doctor's desk").isEqualTo(before);
    }

    /** Requests the server counted at the queue overview's route (its own Prometheus counter). */
    private long queueStatusReads() {
        return server.api().get("/metrics").body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("route=\"/api/sites/{siteId}/queue-status\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void openingASessionTakesTheRoomAndTheChosenServices() throws Exception {
        assertThat(doctor.setup().rooms()).hasSize(4);
        assertThat(doctor.setup().serviceChoices()).extracting(c -> c.service().prefix()).containsExactly("A", "B", "C");
        doctor.setup().openSession();
        assertThat(doctor.setup().errorProperty().get()).isEqualTo("Choose a room");
        doctor.setup().roomProperty().set(doctor.setup().rooms().get(1));
        doctor.setup().openSession();
        assertThat(doctor.setup().errorProperty().get()).isEqualTo("Tick at least one service");
        assertThat(doctor.sessionProperty().get()).isNull();

        choose("A", "C");
        doctor.setup().openSession();

        SessionDto session = doctor.sessionProperty().get();
        assertThat(doctor.setup().errorProperty().get()).isEmpty();
        assertThat(doctor.sessionOpenProperty().get()).isTrue();
        assertThat(session.roomName()).isEqualTo("Room 2");
        assertThat(session.serviceIds()).containsExactly(service("A").id(), service("C").id());
        assertThat(doctor.sessionTitleProperty().get()).isEqualTo("Room 2 \u00b7 doctor");
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("\u2014");
        assertThat(doctor.currentNameProperty().get()).isEqualTo("Nobody called yet \u2014 press Next");
        assertThat(doctor.patients().canNextProperty().get()).isTrue();
        var room = client.queueStatus(session.siteId()).rooms().stream()
                .filter(r -> r.roomName().equals("Room 2")).findFirst().orElseThrow();
        assertThat(room.sessionId()).isEqualTo(session.id());
        assertThat(room.doctor()).isEqualTo("doctor");
        assertThat(client.session(session.id()).serviceIds()).containsExactly(service("A").id(), service("C").id());
    }

    @Test
    void theWaitingListFollowsTheServerInCallOrderForTheSessionsServicesOnly() {
        open("A", "B");
        issue("A", Priority.NORMAL, "Ana");
        issue("C", Priority.NORMAL, null);
        issue("B", Priority.NORMAL, null);
        issue("A", Priority.EMERGENCY, "Eve");

        fxThread.runUntil("three patients wait here", () -> doctor.waiting().size() == 3);

        assertThat(doctor.waiting()).extracting(WaitingRow::number).containsExactly("A-002", "A-001", "B-001");
        assertThat(doctor.waiting().get(0).name()).isEqualTo("Eve");
        assertThat(doctor.waiting().get(0).priority()).isEqualTo("Emergency");
        assertThat(doctor.waiting().get(2).service()).isEqualTo("Blood tests");
        assertThat(doctor.waitingSummaryProperty().get()).contains("3");
    }

    @Test
    void nextCallsTheHeadAndTheFollowingNextFinishesIt() throws Exception {
        open("A");
        long first = issue("A", Priority.NORMAL, "Ana").id();
        long second = issue("A", Priority.NORMAL, "Ben").id();
        fxThread.runUntil("both wait", () -> doctor.waiting().size() == 2);

        doctor.patients().next();

        assertThat(doctor.patients().errorProperty().get()).isEmpty();
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-001");
        assertThat(doctor.currentNameProperty().get()).isEqualTo("Ana");
        assertThat(doctor.hasCurrentProperty().get()).isTrue();
        assertThat(doctor.waiting()).extracting(WaitingRow::number).containsExactly("A-002");
        TicketDto called = client.ticket(first);
        assertThat(called.state()).isEqualTo(TicketState.CALLED);
        assertThat(called.sessionId()).isEqualTo(doctor.sessionProperty().get().id());

        doctor.patients().next();

        assertThat(client.ticket(first).state()).isEqualTo(TicketState.DONE);
        assertThat(client.ticket(second).state()).isEqualTo(TicketState.CALLED);
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-002");
        assertThat(doctor.waiting()).isEmpty();

        doctor.patients().next();

        assertThat(client.ticket(second).state()).isEqualTo(TicketState.DONE);
        assertThat(doctor.currentProperty().get()).isNull();
        assertThat(doctor.patients().errorProperty().get()).isEqualTo("Nobody is waiting for your services right now.");
    }

    @Test
    void aNextAfterTheSessionMovedElsewhereIsRefusedAndSkipsNobody() throws Exception {
        open("A");
        long first = issue("A", Priority.NORMAL, null).id();
        long second = issue("A", Priority.NORMAL, null).id();
        long third = issue("A", Priority.NORMAL, null).id();
        fxThread.runUntil("all three wait", () -> doctor.waiting().size() == 3);
        doctor.patients().next();
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-001");

        // the session moves on from somewhere else before this desk hears of it
        otherDesk.next(doctor.sessionProperty().get().id());
        doctor.patients().next();

        assertThat(doctor.patients().errorProperty().get())
                .isEqualTo("This Next is out of date: the current patient in Room 1 is now A-002. Reload and try again.");
        assertThat(client.ticket(first).state()).isEqualTo(TicketState.DONE);
        assertThat(client.ticket(second).state()).as("not finished unseen").isEqualTo(TicketState.CALLED);
        assertThat(client.ticket(third).state()).as("not called past").isEqualTo(TicketState.WAITING);
        assertThat(doctor.currentNumberProperty().get()).as("the refusal shows who is really called")
                .isEqualTo("A-002");
        assertThat(doctor.patients().canNextProperty().get()).isTrue();

        doctor.patients().next();

        assertThat(doctor.patients().errorProperty().get()).isEmpty();
        assertThat(client.ticket(second).state()).isEqualTo(TicketState.DONE);
        assertThat(client.ticket(third).state()).isEqualTo(TicketState.CALLED);
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-003");
    }

    @Test
    void nextIsDisabledWhileItsRequestIsInFlightSoADoublePressCallsOnce() throws Exception {
        open("A");
        long first = issue("A", Priority.NORMAL, null).id();
        long second = issue("A", Priority.NORMAL, null).id();
        fxThread.runUntil("both wait", () -> doctor.waiting().size() == 2);

        background.hold();
        doctor.patients().next();

        assertThat(doctor.inFlightProperty().get()).isTrue();
        assertThat(doctor.patients().canNextProperty().get()).isFalse();
        assertThat(doctor.canActProperty().get()).isFalse();
        doctor.patients().next();
        doctor.patients().done();
        assertThat(background.held()).as("the second press sent nothing").isEqualTo(1);

        background.release();

        assertThat(doctor.inFlightProperty().get()).isFalse();
        assertThat(doctor.patients().canNextProperty().get()).isTrue();
        assertThat(client.ticket(first).state()).isEqualTo(TicketState.CALLED);
        assertThat(client.ticket(second).state()).isEqualTo(TicketState.WAITING);
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-001");
    }

    @Test
    void recallArrivedAndDoneMoveThePatientOnTheCardAndTheServer() throws Exception {
        open("A");
        long id = issue("A", Priority.NORMAL, "Ana").id();
        fxThread.runUntil("the patient waits", () -> doctor.waiting().size() == 1);
        doctor.patients().next();
        assertThat(doctor.currentDetailProperty().get()).contains("Called").doesNotContain("recalled");

        doctor.patients().recall();

        assertThat(client.ticket(id).recallCount()).isEqualTo(1);
        assertThat(doctor.currentDetailProperty().get()).contains("recalled once");

        doctor.patients().serve();

        assertThat(client.ticket(id).state()).isEqualTo(TicketState.SERVING);
        assertThat(doctor.currentDetailProperty().get()).contains("With doctor");
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-001");

        doctor.patients().done();

        assertThat(client.ticket(id).state()).isEqualTo(TicketState.DONE);
        assertThat(doctor.currentProperty().get()).isNull();
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("\u2014");
        assertThat(client.session(doctor.sessionProperty().get().id()).currentTicketId()).isNull();
        assertThat(doctor.patients().errorProperty().get()).isEmpty();
    }

    @Test
    void aNoShowFreesTheRoomAndARecallAfterThePatientLeftElsewhereShowsTheServersReason() throws Exception {
        open("A");
        long first = issue("A", Priority.NORMAL, null).id();
        long second = issue("A", Priority.NORMAL, null).id();
        fxThread.runUntil("both wait", () -> doctor.waiting().size() == 2);
        doctor.patients().next();

        doctor.patients().noShow();
        assertThat(doctor.confirmation().property().get().title()).isEqualTo("Mark A-001 as a no-show?");
        assertThat(client.ticket(first).state()).as("one click asks first").isEqualTo(TicketState.CALLED);
        doctor.confirmation().confirm();

        assertThat(client.ticket(first).state()).isEqualTo(TicketState.NO_SHOW);
        assertThat(doctor.currentProperty().get()).isNull();
        assertThat(client.session(doctor.sessionProperty().get().id()).currentTicketId()).isNull();

        doctor.patients().next();
        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-002");
        // finished from somewhere else; this desk still shows the patient
        otherDesk.post("/api/sessions/" + doctor.sessionProperty().get().id() + "/done", null);
        doctor.patients().recall();

        assertThat(doctor.patients().errorProperty().get()).isEqualTo("Nobody is called in Room 1 right now; press Next first.");
        assertThat(client.ticket(second).state()).isEqualTo(TicketState.DONE);
        assertThat(client.ticket(second).recallCount()).isZero();
        assertThat(doctor.currentProperty().get()).as("reloaded after the refusal").isNull();
        assertThat(doctor.patients().canNextProperty().get()).isTrue();
    }

    @Test
    void transferWithReturnSendsThePatientAwayAndTheyComeBackToThisQueue() throws Exception {
        open("A");
        long id = issue("A", Priority.NORMAL, "Ana").id();
        fxThread.runUntil("the patient waits", () -> doctor.waiting().size() == 1);
        doctor.patients().next();
        assertThat(doctor.patients().transferForm().returnsProperty().get()).as("return is the default here").isTrue();
        doctor.patients().transfer();
        assertThat(doctor.patients().errorProperty().get()).isEqualTo("Choose the service to transfer to");

        doctor.patients().transferForm().targetProperty().set(service("B"));
        doctor.patients().transfer();

        TicketDto away = client.ticket(id);
        assertThat(away.state()).isEqualTo(TicketState.WAITING);
        assertThat(away.serviceId()).isEqualTo(service("B").id());
        assertThat(away.returnServiceId()).isEqualTo(service("A").id());
        assertThat(doctor.currentProperty().get()).isNull();
        assertThat(doctor.waiting()).isEmpty();

        // the blood test is taken in another room; then the patient is back in this queue
        var lab = otherDesk.openSession(doctor.setup().rooms().get(2).id(), List.of(service("B").id()), null); // in its own user's name
        otherDesk.next(lab.id());
        otherDesk.next(lab.id());
        fxThread.runUntil("the patient is back in this queue", () -> doctor.waiting().size() == 1);
        assertThat(client.ticket(id).serviceId()).isEqualTo(service("A").id());

        doctor.patients().next();

        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-001");
        assertThat(client.ticket(id).state()).isEqualTo(TicketState.CALLED);
    }

    @Test
    void pauseStopsNextUntilResumed() throws Exception {
        open("A");
        long id = issue("A", Priority.NORMAL, null).id();
        fxThread.runUntil("the patient waits", () -> doctor.waiting().size() == 1);

        doctor.togglePause();

        long sessionId = doctor.sessionProperty().get().id();
        assertThat(client.session(sessionId).paused()).isTrue();
        assertThat(doctor.pausedProperty().get()).isTrue();
        assertThat(doctor.patients().canNextProperty().get()).isFalse();
        assertThat(doctor.sessionTitleProperty().get()).isEqualTo("Room 1 \u00b7 doctor \u00b7 paused");
        doctor.patients().next();
        assertThat(client.ticket(id).state()).isEqualTo(TicketState.WAITING);

        doctor.togglePause();

        assertThat(client.session(sessionId).paused()).isFalse();
        assertThat(doctor.patients().canNextProperty().get()).isTrue();
        doctor.patients().next();
        assertThat(client.ticket(id).state()).isEqualTo(TicketState.CALLED);
    }

    @Test
    void closingIsRefusedWhileAPatientIsCalledThenEndsTheSession() throws Exception {
        open("A");
        issue("A", Priority.NORMAL, null);
        fxThread.runUntil("the patient waits", () -> doctor.waiting().size() == 1);
        doctor.patients().next();
        long sessionId = doctor.sessionProperty().get().id();

        doctor.closeSession();
        doctor.confirmation().confirm();

        assertThat(doctor.patients().errorProperty().get()).startsWith("Ticket A-001 is still called in Room 1");
        assertThat(doctor.sessionProperty().get()).isNotNull();

        doctor.patients().done();
        doctor.closeSession();
        assertThat(doctor.confirmation().property().get().title()).isEqualTo("Close your session in Room 1?");
        assertThat(doctor.sessionProperty().get()).as("asked, not yet closed").isNotNull();
        doctor.confirmation().confirm();

        assertThat(doctor.sessionProperty().get()).isNull();
        assertThat(doctor.sessionOpenProperty().get()).isFalse();
        assertThat(client.session(sessionId).closedAt()).isNotNull();
    }

    @Test
    void whileTheServerDoesNotAnswerNothingCanBeSent() throws Exception {
        open("A");
        long id = issue("A", Priority.NORMAL, null).id();
        fxThread.runUntil("the patient waits", () -> doctor.waiting().size() == 1);

        serverReachable.set(false);

        assertThat(doctor.patients().canNextProperty().get()).isFalse();
        assertThat(doctor.canActProperty().get()).isFalse();
        assertThat(doctor.setup().canOpenProperty().get()).isFalse();
        assertThat(live.offlineReasonProperty().get()).startsWith("The server does not answer");
        doctor.patients().next();
        assertThat(client.ticket(id).state()).isEqualTo(TicketState.WAITING);

        serverReachable.set(true);

        assertThat(doctor.patients().canNextProperty().get()).isTrue();
    }

    // --- who is in each room, questions first, buttons by state ---------------------------------

    @Test
    void theRoomChooserSaysWhichRoomsAreFreeAndWhoIsInTheOthersLive() {
        RoomDto room2 = doctor.setup().rooms().get(1);
        assertThat(doctor.setup().rooms()).extracting(doctor.setup().occupancy()::roomLabel)
                .containsExactly("Room 1 \u00b7 free", "Room 2 \u00b7 free", "Room 3 \u00b7 free", "Room 4 \u00b7 free");

        var theirs = nurseDesk.openSession(room2.id(), List.of(service("A").id()), null);
        fxThread.runUntil("Room 2 is taken", () -> doctor.setup().occupancy().occupant(room2).isPresent());

        assertThat(doctor.setup().occupancy().roomLabel(room2)).isEqualTo("Room 2 \u00b7 in use by nurse");
        assertThat(doctor.setup().occupancy().roomLabel(doctor.setup().rooms().get(0))).isEqualTo("Room 1 \u00b7 free");

        nurseDesk.post("/api/sessions/" + theirs.id() + "/close", null);
        fxThread.runUntil("Room 2 is free again", () -> doctor.setup().occupancy().occupant(room2).isEmpty());
        assertThat(doctor.setup().occupancy().roomLabel(room2)).isEqualTo("Room 2 \u00b7 free");
    }

    @Test
    void aDeskStartedAfterAnotherDoctorOpenedARoomSeesWhoIsThere() throws Exception {
        nurseDesk.openSession(doctor.setup().rooms().get(3).id(), List.of(service("B").id()), null);
        var later = new LiveSite(client, new EventStreamClient(HttpClient.newHttpClient(), client.tokens(),
                new ManualScheduler(), ReconnectPolicy.DEFAULT, fxThread), new CurrentThreadExecutor(), serverReachable,
                messages);
        var laterDesk = new DoctorViewModel(later, new CurrentThreadExecutor(), new TicketText(messages, clock), "Dr Lee");
        later.start();
        try {
            fxThread.runUntil("the later desk is online", () -> later.onlineProperty().get());
            assertThat(laterDesk.setup().occupancy().roomLabel(laterDesk.setup().rooms().get(3))).isEqualTo("Room 4 \u00b7 in use by nurse");
        } finally {
            later.stop();
        }
    }

    @Test
    void aDoctorChoosingARoomInUseIsToldWhoIsThereAndNeverJoinsTheirSession() {
        RoomDto room1 = doctor.setup().rooms().get(0);
        nurseDesk.openSession(room1.id(), List.of(service("B").id()), null);
        fxThread.runUntil("Room 1 is taken", () -> doctor.setup().occupancy().occupant(room1).isPresent());
        doctor.setup().roomProperty().set(room1);
        choose("A");

        doctor.setup().openSession();

        // the server lets only a session's own doctor or an admin press its buttons (README: sessions belong to
        // the signed-in user), so a doctor is not offered a session they could not work in
        assertThat(doctor.confirmation().isPending()).isFalse();
        assertThat(doctor.sessionProperty().get()).as("not joined").isNull();
        assertThat(doctor.setup().errorProperty().get()).isEqualTo(
                "Room 1 is in use by nurse. Choose another room, or ask nurse or an admin to close that session.");
    }

    @Test
    void onlyAnAdminsDeskMayOpenASessionInSomeoneElsesName() {
        // README: a doctor naming anyone else is refused; an admin may open a session for someone else
        assertThat(doctor.setup().mayNameTheDoctor()).isFalse();
        assertThat(new DoctorViewModel(live, background, new TicketText(messages, clock), "admin", true)
                .setup().mayNameTheDoctor()).isTrue();
    }

    @Test
    void anAdminChoosingARoomInUseIsAskedWhoIsThereAndJoinsOnlyWhenConfirmed() throws Exception {
        RoomDto room1 = doctor.setup().rooms().get(0);
        var theirs = nurseDesk.openSession(room1.id(), List.of(service("B").id()), null);
        TokenStore adminTokens = new TokenStore(clock);
        var adminClient = new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), adminTokens,
                Duration.ofSeconds(5));
        adminClient.login("admin", "admin");
        var adminLive = new LiveSite(adminClient, new EventStreamClient(HttpClient.newHttpClient(), adminTokens,
                new ManualScheduler(), ReconnectPolicy.DEFAULT, fxThread), new CurrentThreadExecutor(), serverReachable,
                messages);
        var admin = new DoctorViewModel(adminLive, background, new TicketText(messages, clock), "admin", true);
        adminLive.start();
        try {
            fxThread.runUntil("the admin's desk is online", () -> adminLive.onlineProperty().get());
            fxThread.runUntil("Room 1 is taken", () -> admin.setup().occupancy().occupant(room1).isPresent());
            admin.setup().roomProperty().set(room1);
            admin.setup().serviceChoices().stream().filter(c -> c.service().prefix().equals("A")).findFirst().orElseThrow()
                    .chosenProperty().set(true);

            admin.setup().openSession();

            var question = admin.confirmation().property().get();
            assertThat(question).as("not joined silently (%s)", admin.setup().errorProperty().get()).isNotNull();
            assertThat(admin.sessionProperty().get()).isNull();
            assertThat(question.title()).isEqualTo("Room 1 is in use by nurse");
            assertThat(question.confirmLabel()).isEqualTo("Join nurse's session");
            assertThat(question.keepLabel()).isEqualTo("Choose another room");

            admin.confirmation().dismiss();
            assertThat(admin.sessionProperty().get()).isNull();

            admin.setup().openSession();
            admin.confirmation().confirm();

            assertThat(admin.sessionProperty().get().id()).as("joined, by choice").isEqualTo(theirs.id());
            assertThat(admin.sessionTitleProperty().get()).isEqualTo("Room 1 \u00b7 nurse");
        } finally {
            adminLive.stop();
        }
    }

    @Test
    void aDoctorsOwnOpenSessionIsTakenUpAgainWithoutAQuestion() {
        RoomDto room3 = doctor.setup().rooms().get(2);
        var mine = otherDesk.openSession(room3.id(), List.of(service("A").id()), null); // the signed-in doctor's own
        fxThread.runUntil("Room 3 is taken", () -> doctor.setup().occupancy().occupant(room3).isPresent());
        doctor.setup().roomProperty().set(room3);
        choose("A");

        doctor.setup().openSession();

        assertThat(doctor.confirmation().isPending()).isFalse();
        assertThat(doctor.sessionProperty().get().id()).isEqualTo(mine.id());
    }

    @Test
    void aComplaintAboutTheSetupGoesWhenTheFieldIsFixed() {
        doctor.setup().openSession();
        assertThat(doctor.setup().errorProperty().get()).isEqualTo("Choose a room");
        doctor.setup().roomProperty().set(doctor.setup().rooms().get(0));
        assertThat(doctor.setup().errorProperty().get()).isEmpty();

        doctor.setup().openSession();
        assertThat(doctor.setup().errorProperty().get()).isEqualTo("Tick at least one service");
        choose("A");
        assertThat(doctor.setup().errorProperty().get()).isEmpty();
    }

    @Test
    void eachPatientButtonIsEnabledOnlyWhereTheReadmesLifecycleAllowsIt() {
        open("A");
        assertPatientButtons("nobody called", null);
        issue("A", Priority.NORMAL, null);
        fxThread.runUntil("the patient waits", () -> doctor.waiting().size() == 1);

        doctor.patients().next();
        assertPatientButtons("called", TicketState.CALLED);
        doctor.patients().serve();
        assertPatientButtons("serving", TicketState.SERVING);
        doctor.patients().done();
        assertPatientButtons("done", null);
    }

    private void assertPatientButtons(String when, TicketState state) {
        assertThat(doctor.currentProperty().get() == null ? null : doctor.currentProperty().get().state()).as(when)
                .isEqualTo(state);
        assertThat(doctor.patients().canServeProperty().get()).as("serve, " + when)
                .isEqualTo(state != null && LifecycleTable.allows("serve", state));
        assertThat(doctor.patients().canRecallProperty().get()).as("recall, " + when)
                .isEqualTo(state != null && LifecycleTable.allows("recall", state));
        assertThat(doctor.patients().canNoShowProperty().get()).as("no-show, " + when)
                .isEqualTo(state != null && LifecycleTable.allows("no_show", state));
        assertThat(doctor.patients().canDoneProperty().get()).as("done, " + when)
                .isEqualTo(state != null && LifecycleTable.allows("done", state));
        assertThat(doctor.patients().canTransferProperty().get()).as("transfer, " + when)
                .isEqualTo(state != null && LifecycleTable.allows("transfer", state));
    }

    @Test
    void theTransferTargetAndReturnDoNotCarryOverToTheNextPatient() {
        open("A");
        issue("A", Priority.NORMAL, null);
        issue("A", Priority.NORMAL, null);
        fxThread.runUntil("both wait", () -> doctor.waiting().size() == 2);
        doctor.patients().next();
        doctor.patients().transferForm().targetProperty().set(service("B"));
        doctor.patients().transferForm().returnsProperty().set(false);

        doctor.patients().next();

        assertThat(doctor.currentNumberProperty().get()).isEqualTo("A-002");
        assertThat(doctor.patients().transferForm().targetProperty().get()).isNull();
        assertThat(doctor.patients().transferForm().returnsProperty().get()).as("back to the default").isTrue();
    }

    // README lifecycle: "called → no-show → (requeue) waiting", back at its original place
    @Test
    void aNoShowPutBackInTheQueueElsewhereWaitsHereAgain() throws Exception {
        open("A");
        long id = issue("A", Priority.NORMAL, "Ana").id();
        fxThread.runUntil("the patient waits", () -> doctor.waiting().size() == 1);
        doctor.patients().next();
        doctor.patients().noShow();
        doctor.confirmation().confirm();
        fxThread.runUntil("nobody waits", () -> doctor.waiting().isEmpty()
                && live.board().ticket(id).orElseThrow().state() == TicketState.NO_SHOW);

        reception.post("/api/tickets/" + id + "/requeue", null, "requeue-" + id);

        fxThread.runUntil("the patient waits here again", () -> doctor.waiting().size() == 1);
        assertThat(doctor.waiting().get(0).number()).isEqualTo("A-001");
        assertThat(live.board().ticket(id).orElseThrow().state()).isEqualTo(TicketState.WAITING);
        assertThat(doctor.waitingSummaryProperty().get()).isEqualTo(text("doctor.waiting.summary", 1));
    }

    private String text(String key, Object... arguments) {
        return new java.text.MessageFormat(messages.getString(key), Locale.ENGLISH).format(arguments);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private void open(String... prefixes) {
        doctor.setup().roomProperty().set(doctor.setup().rooms().get(0));
        choose(prefixes);
        doctor.setup().openSession();
        assertThat(doctor.sessionProperty().get()).as(doctor.setup().errorProperty().get()).isNotNull();
    }

    private void choose(String... prefixes) {
        List<String> wanted = List.of(prefixes);
        doctor.setup().serviceChoices().forEach(c -> c.chosenProperty().set(wanted.contains(c.service().prefix())));
    }

    private TicketDto issue(String prefix, Priority priority, String name) {
        return reception.issue(new IssueTicketRequest(service(prefix).id(), priority, null, name, null, null));
    }

    private ServiceDto service(String prefix) {
        return doctor.services().stream().filter(s -> s.prefix().equals(prefix)).findFirst().orElseThrow();
    }

    /** Runs work at once, or, while held, keeps it until released: to look at the desk mid-request. */
    private static final class HeldExecutor implements BackgroundExecutor {
        private final CurrentThreadExecutor now = new CurrentThreadExecutor();
        private final List<Runnable> held = new ArrayList<>();
        private boolean holding;

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            if (holding) {
                held.add(() -> now.run(work, onSuccess, onFailure));
            } else {
                now.run(work, onSuccess, onFailure);
            }
        }

        void hold() {
            holding = true;
        }

        int held() {
            return held.size();
        }

        void release() {
            holding = false;
            List<Runnable> due = List.copyOf(held);
            held.clear();
            due.forEach(Runnable::run);
        }
    }
}
