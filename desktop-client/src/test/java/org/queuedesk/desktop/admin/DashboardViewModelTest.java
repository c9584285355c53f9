package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.queuedesk.desktop.ground.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.testing.ManualUiTimer;
import org.queuedesk.server.testing.MutableClock;

/** The dashboard against a real server: today's counts are the ones {@link ClinicDay} played. */
class DashboardViewModelTest {

    private final AdminServer server = new AdminServer();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final ManualUiTimer timer = new ManualUiTimer();

    @AfterEach
    void stop() {
        server.close();
    }

    private DashboardViewModel dashboard(ClinicDay day) throws Exception {
        ZoneId zone = ZoneId.of(server.admin.sites().get(0).timeZone());
        return new DashboardViewModel(server.admin, server.background, () -> day.siteId, () -> zone, clock, timer,
                server.messages);
    }

    @Test
    void todayShowsArrivalsAndCallsByHourAndServedAndNoShowsPerService() throws Exception {
        ClinicDay day = ClinicDay.play(server.server);
        var dashboard = dashboard(day);
        dashboard.load();

        assertThat(dashboard.form().problemProperty().get()).isEmpty();
        assertThat(dashboard.byHour().stream().mapToInt(DashboardViewModel.HourPoint::arrivals).sum())
                .isEqualTo(ClinicDay.ISSUED);
        assertThat(dashboard.byHour().stream().mapToInt(DashboardViewModel.HourPoint::calls).sum())
                .isEqualTo(ClinicDay.CALLS);
        // a mean wait where somebody was called, none where nobody was (the values: ReportIT's hand-worked day)
        assertThat(dashboard.byHour()).allSatisfy(point -> assertThat(point.waitMinutes() != null)
                .as("a wait at " + point.hour() + " exactly when somebody was called then").isEqualTo(point.calls() > 0));
        assertThat(dashboard.byService()).extracting(DashboardViewModel.ServicePoint::name,
                        DashboardViewModel.ServicePoint::served, DashboardViewModel.ServicePoint::noShows)
                .contains(org.assertj.core.groups.Tuple.tuple(day.serviceA, ClinicDay.A_SERVED, ClinicDay.A_NO_SHOWS),
                        org.assertj.core.groups.Tuple.tuple(day.serviceB, ClinicDay.B_SERVED, ClinicDay.B_NO_SHOWS));
        assertThat(dashboard.issued.get()).isEqualTo(Integer.toString(ClinicDay.ISSUED));
        assertThat(dashboard.served.get()).isEqualTo(Integer.toString(ClinicDay.SERVED));
        assertThat(dashboard.noShows.get()).isEqualTo(Integer.toString(ClinicDay.NO_SHOWS));
    }

    @Test
    void eventsReadTodayAgainAtMostOncePerThrottle() throws Exception {
        ClinicDay day = ClinicDay.play(server.server);
        var dashboard = dashboard(day);
        dashboard.load();

        server.server.api().signedInAs("admin", "admin").issue(day.serviceAId);
        dashboard.changed();
        dashboard.changed();
        dashboard.changed();
        assertThat(timer.pending()).as("one read for the three events, after the throttle").hasSize(1);
        assertThat(timer.pending().get(0)).isGreaterThan(Duration.ZERO);
        assertThat(dashboard.issued.get()).as("not read yet").isEqualTo(Integer.toString(ClinicDay.ISSUED));
        timer.fireDue();
        assertThat(dashboard.issued.get()).isEqualTo(Integer.toString(ClinicDay.ISSUED + 1));

        clock.advance(Duration.ofMinutes(1));
        dashboard.changed();
        assertThat(timer.pending()).as("quiet for a minute: at once").containsExactly(Duration.ZERO);

        dashboard.close();
        assertThat(timer.pending()).as("a closed dashboard stops following").isEmpty();
        dashboard.changed();
        assertThat(timer.pending()).isEmpty();
    }

    @Test
    void theMeanWaitTileSaysLessThanAMinuteUnderAMinuteAndWholeMinutesAfter() throws IOException {
        try (InputStream table = getClass().getResourceAsStream("mean-wait-tile.psv")) {
            var rows = new String(table.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            assertThat(rows).hasSizeGreaterThan(10);
            for (String row : rows) {
                String[] cells = row.split("\\|", -1);
                String seconds = cells[1].strip();
                assertThat(DashboardViewModel.meanWaitText(seconds.isEmpty() ? null : Long.valueOf(seconds),
                        Theme.messages(Locale.forLanguageTag(cells[0].strip())))).as(row).isEqualTo(cells[2].strip());
            }
        }
    }
}
