package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.queuedesk.server.testing.Api;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The admin desk's dashboard, reports and alert thresholds on screen against a real demo server, with the day
 * {@link ClinicDay} played: the charts show its counts and follow new tickets live, a report is shown and saved as
 * the server's CSV (to the test's own path instead of the system's dialog), and refusals show by the field.
 * Screenshots under target/screenshots/admin-dashboard*.png, admin-reports*.png, admin-alerts*.png.
 */
@ExtendWith(ApplicationExtension.class)
class AdminDashboardIT {

    /** Only the waiting count rule, medium at one ticket. */
    private static final String ONE_WAITING = """
            {"holdSeconds":60,"oldestWaitMinutes":{},"waitingCount":{"medium":1},"waitingWithoutSession":{},
             "smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""";

    private final AdminDesk desk = new AdminDesk();
    private final TestServer server = desk.server;
    private final Api api = server.api().signedInAs("admin", "admin");
    private ShellHarness.OnScreen admin;
    private Scene scene;
    private ClinicDay day;

    @Start
    void start(Stage stage) {
        desk.show(stage);
        admin = desk.screen();
        scene = desk.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        desk.close();
    }

    private void openAdmin() throws Exception {
        day = ClinicDay.play(server);
        desk.open();
    }

    private void waitText(String id, String expected) throws Exception {
        desk.waitText(id, expected);
    }

    private static int total(XYChart<String, Number> chart, int series) {
        return chart.getData().get(series).getData().stream().mapToInt(d -> d.getYValue().intValue()).sum();
    }

    private static int bar(XYChart<String, Number> chart, int series, String category) {
        return chart.getData().get(series).getData().stream().filter(d -> d.getXValue().equals(category))
                .mapToInt(d -> d.getYValue().intValue()).sum();
    }

    @Test
    void theDashboardChartsTodayAndFollowsNewTicketsLive(FxRobot robot) throws Exception {
        openAdmin();
        waitText("#dashboardIssued", Integer.toString(ClinicDay.ISSUED));
        LineChart<String, Number> hours = admin.lookup("#dashboardHours");
        BarChart<String, Number> services = admin.lookup("#dashboardServices");
        assertThat(onFx(() -> total(hours, 0)).call()).as("arrivals by hour").isEqualTo(ClinicDay.ISSUED);
        assertThat(onFx(() -> total(hours, 1)).call()).as("calls by hour").isEqualTo(ClinicDay.CALLS);
        assertThat(onFx(() -> bar(services, 0, day.serviceA)).call()).isEqualTo(ClinicDay.A_SERVED);
        assertThat(onFx(() -> bar(services, 0, day.serviceB)).call()).isEqualTo(ClinicDay.B_SERVED);
        assertThat(onFx(() -> bar(services, 1, day.serviceA)).call()).isEqualTo(ClinicDay.A_NO_SHOWS);
        assertThat(admin.text("#dashboardServed")).isEqualTo(Integer.toString(ClinicDay.SERVED));
        assertThat(admin.text("#dashboardNoShows")).isEqualTo(Integer.toString(ClinicDay.NO_SHOWS));
        assertThat(onFx(() -> scene.getRoot().lookupAll(".chart-bar").stream().filter(Node::isVisible).count()).call())
                .as("bars drawn").isGreaterThan(0);
        Screenshots.save(scene, "admin-dashboard.png");

        // live: a ticket issued elsewhere shows without a click (the event stream, throttled)
        api.issue(day.serviceAId);
        waitText("#dashboardIssued", Integer.toString(ClinicDay.ISSUED + 1));
        assertThat(onFx(() -> total(hours, 0)).call()).isEqualTo(ClinicDay.ISSUED + 1);
        Screenshots.save(scene, "admin-dashboard-live.png");
    }

    @Test
    void theAdminDeskShowsTheAlertBannerAndAcknowledgesFromIt(FxRobot robot) throws Exception {
        openAdmin();
        waitText("#dashboardIssued", Integer.toString(ClinicDay.ISSUED));
        Node charts = admin.lookup("#dashboardHours");
        var before = onFx(() -> charts.localToScene(charts.getBoundsInLocal())).call();
        var put = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/sites/" + day.siteId + "/alert-rules"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(ONE_WAITING)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        api.issue(day.serviceAId); // one waiting at A: the medium tier
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup(".alert-medium") != null));
        Screenshots.save(scene, "admin-dashboard-alert.png");
        assertThat(onFx(() -> charts.localToScene(charts.getBoundsInLocal())).call()).as("nothing moved").isEqualTo(before);

        robot.clickOn((Node) onFx(() -> scene.getRoot().lookup(".alert-banner .alert-acknowledge")).call());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup(".alert-banner") == null));
        Screenshots.save(scene, "admin-dashboard-acknowledged.png");
        assertThat(api.get("/api/audit").body()).contains("alert.acknowledged");
    }

    @Test
    void theBannerAndTheLiveDashboardFollowTheSiteChosenOnTheAdminDesk(FxRobot robot) throws Exception {
        long first = api.get("/api/sites").json().get(0).path("id").asLong();
        long firstService = api.get("/api/sites/" + first + "/services").json().get(0).path("id").asLong();
        var second = api.createSite("North clinic", "UTC");
        var blood = api.createService(second.id(), "Blood tests", "N");
        desk.open();
        AdminViewModel model = desk.model();
        javafx.scene.control.ComboBox<org.queuedesk.common.site.SiteDto> site = admin.lookup("#adminSite");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> site.getItems().size() == 2 && site.getValue() != null));
        assertThat(onFx(() -> site.getValue().id()).call()).as("the first site first").isEqualTo(first);

        choose(site, second.id());
        waitText("#dashboardIssued", "0");
        putRules(second.id(), ONE_WAITING);
        api.issue(blood.id()); // one waiting at the second site: its medium tier
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup(".alert-medium") != null));
        assertThat(onFx(() -> List.copyOf(model.alerts().shown())).call()).singleElement()
                .satisfies(alert -> assertThat(alert.siteId()).isEqualTo(second.id()))
                .satisfies(alert -> assertThat(alert.serviceId()).isEqualTo(blood.id()));
        waitText("#dashboardIssued", "1"); // refreshed live, from the second site's events
        Screenshots.save(scene, "admin-dashboard-second-site.png");

        choose(site, first); // the first site has no open alert: the banner goes
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup(".alert-banner") == null
                && model.alerts().shown().isEmpty()));
        waitText("#dashboardIssued", "0");
        putRules(first, ONE_WAITING);
        api.issue(firstService); // and it follows the first site live again
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup(".alert-medium") != null));
        assertThat(onFx(() -> List.copyOf(model.alerts().shown())).call()).singleElement()
                .satisfies(alert -> assertThat(alert.siteId()).isEqualTo(first));
        waitText("#dashboardIssued", "1");
        Screenshots.save(scene, "admin-dashboard-first-site-again.png");
    }

    @Test
    void receptionOpenedAfterTheAdminChoseAnotherSiteIsAtTheFirstSite(FxRobot robot) throws Exception {
        var second = api.createSite("North clinic", "UTC");
        var physio = api.createService(second.id(), "Physiotherapy", "P");
        desk.open();
        javafx.scene.control.ComboBox<org.queuedesk.common.site.SiteDto> site = admin.lookup("#adminSite");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> site.getItems().size() == 2));
        choose(site, second.id());
        api.issue(physio.id()); // waiting with no session open: the default rules' medium alert, on the banner
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup(".alert-medium") != null));

        admin.click("#changeModeButton");
        admin.chooseMode(robot, "#receptionButton");
        TableView<org.queuedesk.desktop.reception.ServiceQueueRow> queues = admin.lookup("#queueTable");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> !queues.getItems().isEmpty()));
        var names = api.get("/api/sites/" + api.get("/api/sites").json().get(0).path("id").asLong() + "/services")
                .json().findValuesAsText("name");
        assertThat(onFx(() -> queues.getItems().stream().map(org.queuedesk.desktop.reception.ServiceQueueRow::name)
                .toList()).call()).as("the first site's services").containsExactlyInAnyOrderElementsOf(names)
                .doesNotContain("Physiotherapy");
        Screenshots.save(scene, "admin-then-reception.png");
    }

    /**
     * The desk's live site outlives its screens: each mode opened added its listeners to it, and a screen left behind
     * kept hearing events and reading the server (a dashboard re-read today's reports at reception). Now the
     * listeners are the open screen's only: reception opened a second time holds what it held the first time.
     */
    @Test
    void aScreenLeftBehindStopsListeningToTheLiveSite(FxRobot robot) throws Exception {
        desk.open();
        waitText("#dashboardIssued", "0");
        admin.click("#changeModeButton");
        admin.chooseMode(robot, "#receptionButton");
        admin.waitFor("#queueTable");
        int reception = onFx(() -> admin.shell().liveSite().listenerCount()).call();
        assertThat(reception).as("reception's own listeners").isPositive();

        for (int round = 0; round < 2; round++) {
            admin.click("#changeModeButton");
            admin.chooseMode(robot, "#adminButton");
            admin.waitFor("#dashboardIssued");
            admin.click("#changeModeButton");
            admin.chooseMode(robot, "#receptionButton");
            admin.waitFor("#queueTable");
        }
        assertThat(onFx(() -> admin.shell().liveSite().listenerCount()).call())
                .as("after admin and reception twice more").isEqualTo(reception);
    }

    private static void choose(javafx.scene.control.ComboBox<org.queuedesk.common.site.SiteDto> site, long id)
            throws Exception {
        WaitForAsyncUtils.asyncFx(() -> site.getSelectionModel().select(site.getItems().stream()
                .filter(s -> s.id() == id).findFirst().orElseThrow())).get(5, TimeUnit.SECONDS);
    }

    private void putRules(long siteId, String rules) {
        var put = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/sites/" + siteId + "/alert-rules"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(rules)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @Test
    void aReportIsShownAndSavedAsTheServersCsvAndABadRangeIsShownUnderTo(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("chosen.csv");
        admin.shell().useReportFiles((owner, suggested) -> Optional.of(file));
        openAdmin();
        desk.openScreen("reports");
        admin.click("#showReportButton");
        TableView<List<String>> table = admin.lookup("#reportTable");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> !table.getItems().isEmpty()));
        int dimension = onFx(() -> columnIndex(table, "reportColumn-dimension")).call();
        int issued = onFx(() -> columnIndex(table, "reportColumn-issued")).call();
        assertThat(onFx(() -> table.getItems().stream().filter(r -> r.get(dimension).equals("all"))
                .mapToInt(r -> Integer.parseInt(r.get(issued))).sum()).call()).isEqualTo(ClinicDay.ISSUED);
        Screenshots.save(scene, "admin-reports.png");

        admin.click("#exportReportButton");
        waitText("#reportDone", "Saved to " + file + ".");
        DatePicker from = admin.lookup("#reportFrom");
        DatePicker to = admin.lookup("#reportTo");
        var direct = api.http().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/reports/sites/"
                        + day.siteId + "/tickets?from=" + onFx(from::getValue).call() + "&to=" + onFx(to::getValue).call()
                        + "&by=day")).header("Accept", "text/csv").header("Authorization", "Bearer " + token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(Files.readAllBytes(file)).as("the server's CSV, unchanged").isEqualTo(direct.body())
                .startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        WaitForAsyncUtils.asyncFx(() -> {
            from.setValue(LocalDate.of(2026, 11, 30));
            to.setValue(LocalDate.of(2026, 11, 1));
        }).get(5, TimeUnit.SECONDS);
        admin.click("#showReportButton");
        waitText("#reportToError", "must not be before from (2026-11-30).");
        Screenshots.save(scene, "admin-reports-refused.png");
    }

    @Test
    void alertThresholdsAreSavedPerServiceAndARefusalShowsUnderItsRule(FxRobot robot) throws Exception {
        openAdmin();
        desk.openScreen("alerts");
        TextField medium = admin.lookup("#waitingCount-medium");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> "15".equals(medium.getText())));
        Screenshots.save(scene, "admin-alerts.png");
        javafx.scene.control.ComboBox<AlertRulesViewModel.Scope> scope = admin.lookup("#alertScope");
        WaitForAsyncUtils.asyncFx(() -> scope.getSelectionModel().select(1)).get(5, TimeUnit.SECONDS);
        // the service's thresholds are read on choosing it: type once they are in
        AdminViewModel model = desk.model();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> !model.alertRules().form().isBusy()));
        desk.type("#waitingCount-medium", "4");
        desk.type("#waitingCount-high", "4");
        admin.click("#saveAlertRulesButton");
        waitText("#rule-waitingCountError", "high must be above the tiers below it (4).");
        Screenshots.save(scene, "admin-alerts-refused.png");
        desk.type("#waitingCount-high", "8");
        admin.click("#saveAlertRulesButton");
        waitText("#alertRulesDone", onFx(() -> scope.getValue().name()).call() + " saved.");
        var own = api.get("/api/services/" + day.serviceAId + "/alert-rules").json().path("waitingCount");
        assertThat(own.path("medium").asInt()).isEqualTo(4);
        assertThat(own.path("high").asInt()).isEqualTo(8);
    }

    private static int columnIndex(TableView<?> table, String id) {
        for (int i = 0; i < table.getColumns().size(); i++) {
            if (id.equals(table.getColumns().get(i).getId())) {
                return i;
            }
        }
        throw new AssertionError("no column " + id);
    }

    private String token() {
        return server.api().post("/api/auth/login", new org.queuedesk.common.auth.LoginRequest("admin", "admin"))
                .json().path("accessToken").asText();
    }
}
