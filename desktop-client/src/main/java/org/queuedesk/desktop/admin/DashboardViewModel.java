package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.report.HourReport;
import org.queuedesk.common.report.ReportDimension;
import org.queuedesk.common.report.ReportPeriod;
import org.queuedesk.common.report.TicketReport;
import org.queuedesk.common.report.TicketReportRow;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.UiTimer;

/**
 * Today at the chosen site, from the server's own reports for today (hours and tickets): arrivals and calls per
 * hour of the day, served and no-shows per service, and the day's totals. Reads again when the site's events say
 * something changed, at most once per {@link #THROTTLE}: a busy clinic sends several events a second, and each
 * read runs two reports on the server.
 */
public final class DashboardViewModel {

    static final Duration THROTTLE = Duration.ofSeconds(3);
    /** The hours always on the chart, so a quiet morning still reads as a working day. */
    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 18;

    /**
     * One hour of the day: tickets issued in it, calls made in it, and the mean wait of those calls in minutes
     * (null: nobody was called then).
     */
    public record HourPoint(int hour, int arrivals, int calls, Double waitMinutes) {
    }

    /** One service's day: issued, served and no-shows, and its mean wait in seconds (null: nobody called yet). */
    public record ServicePoint(String name, int issued, int served, int noShows, Long waitMeanSeconds) {
    }

    private record Today(LocalDate day, HourReport hours, TicketReport tickets) {
    }

    private final QueueDeskClient client;
    private final LongSupplier siteId;
    private final Supplier<ZoneId> zone;
    private final Clock clock;
    private final UiTimer timer;
    private final ResourceBundle messages;
    private final FormState form;
    private final ObservableList<HourPoint> byHour = FXCollections.observableArrayList();
    private final ObservableList<ServicePoint> byService = FXCollections.observableArrayList();
    final StringProperty day = new SimpleStringProperty(this, "day", "");
    final StringProperty issued = new SimpleStringProperty(this, "issued", "\u2014");
    final StringProperty served = new SimpleStringProperty(this, "served", "\u2014");
    final StringProperty noShows = new SimpleStringProperty(this, "noShows", "\u2014");
    final StringProperty meanWait = new SimpleStringProperty(this, "meanWait", "\u2014");
    private Instant lastRead = Instant.MIN;
    private Runnable pending;
    private boolean again;
    private boolean open;

    public DashboardViewModel(QueueDeskClient client, BackgroundExecutor background, LongSupplier siteId,
                              Supplier<ZoneId> zone, Clock clock, UiTimer timer, ResourceBundle messages) {
        this.client = client;
        this.siteId = siteId;
        this.zone = zone;
        this.clock = clock;
        this.timer = timer;
        this.messages = messages;
        this.form = new FormState(background, messages);
    }

    /** Reads today now (the screen was opened, or another site chosen); from then on it follows the events. */
    public void load() {
        open = true;
        if (form.isBusy()) {
            again = true;
            return;
        }
        lastRead = clock.instant();
        long site = siteId.getAsLong();
        LocalDate today = LocalDate.now(clock.withZone(zone.get()));
        form.run(() -> new Today(today,
                client.report(site, "hours", today, today, ReportPeriod.DAY, HourReport.class),
                client.report(site, "tickets", today, today, ReportPeriod.DAY, TicketReport.class)), this::show,
                failure -> readAgainIfAsked());
    }

    /** Something happened at the site: read again now, or when the throttle allows, once for all meanwhile. */
    public void changed() {
        if (!open || pending != null) {
            return;
        }
        Duration since = Duration.between(lastRead, clock.instant());
        Duration wait = since.compareTo(THROTTLE) >= 0 ? Duration.ZERO : THROTTLE.minus(since);
        pending = timer.after(wait, () -> {
            pending = null;
            load();
        });
    }

    private void show(Today today) {
        day.set(MessageFormat.format(messages.getString("admin.dashboard.day"), today.day().toString()));
        int[] arrivals = new int[24];
        int[] calls = new int[24];
        Double[] waits = new Double[24];
        int first = FIRST_HOUR;
        int last = LAST_HOUR;
        for (var row : today.hours().rows()) {
            arrivals[row.hour()] += row.arrivals();
            calls[row.hour()] += row.calls();
            if (row.waitMeanSeconds() != null) {
                waits[row.hour()] = row.waitMeanSeconds() / 60.0; // today is one period: one row per hour
            }
            if (row.arrivals() + row.calls() > 0) {
                first = Math.min(first, row.hour());
                last = Math.max(last, row.hour());
            }
        }
        List<HourPoint> hours = new ArrayList<>();
        for (int hour = first; hour <= last; hour++) {
            hours.add(new HourPoint(hour, arrivals[hour], calls[hour], waits[hour]));
        }
        byHour.setAll(hours);
        List<ServicePoint> services = new ArrayList<>();
        TicketReportRow all = null;
        for (var row : today.tickets().rows()) {
            if (row.dimension() == ReportDimension.SERVICE) {
                services.add(new ServicePoint(row.name(), row.issued() == null ? 0 : row.issued(), row.served(),
                        row.noShows(), row.waitMeanSeconds()));
            } else if (row.dimension() == ReportDimension.ALL) {
                all = row;
            }
        }
        byService.setAll(services);
        issued.set(all == null || all.issued() == null ? "0" : Integer.toString(all.issued()));
        served.set(all == null ? "0" : Integer.toString(all.served()));
        noShows.set(all == null ? "0" : Integer.toString(all.noShows()));
        meanWait.set(meanWaitText(all == null ? null : all.waitMeanSeconds(), messages));
        readAgainIfAsked();
    }

    /**
     * The mean wait tile: a dash before anybody was called, "< 1 min" under a minute (whole minutes would say
     * "0 min", as if nobody waited), else the minutes rounded.
     */
    static String meanWaitText(Long seconds, ResourceBundle messages) {
        if (seconds == null) {
            return "\u2014";
        }
        if (seconds < 60) {
            return messages.getString("admin.dashboard.underMinute");
        }
        return MessageFormat.format(messages.getString("admin.dashboard.minutes"), Math.round(seconds / 60.0));
    }

    private void readAgainIfAsked() {
        if (again) {
            again = false;
            changed();
        }
    }

    /** The screen was left: stop following (the next opening reads afresh). */
    public void close() {
        open = false;
        if (pending != null) {
            pending.run();
            pending = null;
        }
    }

    public ObservableList<HourPoint> byHour() {
        return byHour;
    }

    public ObservableList<ServicePoint> byService() {
        return byService;
    }

    FormState form() {
        return form;
    }
}
