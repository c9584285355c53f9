package org.queuedesk.desktop.admin;

import java.time.ZoneId;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * Admin mode: the site being managed, and which management screen is open (the list on the left). Each screen
 * has its own view-model; opening one (or choosing another site) reads it afresh from the server.
 */
public final class AdminViewModel {

    private final QueueDeskClient client;
    private final ObservableList<SiteDto> sites = FXCollections.observableArrayList();
    private final ObjectProperty<SiteDto> site = new SimpleObjectProperty<>(this, "site");
    private final ObjectProperty<AdminScreen> screen = new SimpleObjectProperty<>(this, "screen");
    private final FormState siteList;
    private final ServicesViewModel services;
    private final RoomsViewModel rooms;
    private final SchedulesViewModel schedules;
    private final UsersViewModel users;
    private final DevicesViewModel devices;
    private final SiteSettingsViewModel settings;
    private final AuditViewModel audit;
    private final DashboardViewModel dashboard;
    private final ReportsViewModel reports;
    private final AlertRulesViewModel alertRules;
    private final BackgroundExecutor background;
    private final ResourceBundle messages;
    private org.queuedesk.desktop.alert.AlertBannerViewModel alerts;

    public AdminViewModel(QueueDeskClient client, BackgroundExecutor background, ResourceBundle messages) {
        this(client, background, messages, java.time.Clock.systemDefaultZone(), org.queuedesk.desktop.ground.UiTimer.fx());
    }

    /** {@code clock}: what "today" is on the dashboard and reports; {@code timer}: the dashboard's throttle. */
    public AdminViewModel(QueueDeskClient client, BackgroundExecutor background, ResourceBundle messages,
                          java.time.Clock clock, org.queuedesk.desktop.ground.UiTimer timer) {
        this.client = client;
        this.background = background;
        this.messages = messages;
        this.dashboard = new DashboardViewModel(client, background, this::siteId, this::zone, clock, timer, messages);
        this.reports = new ReportsViewModel(client, background, this::siteId, this::zone, clock, messages);
        this.alertRules = new AlertRulesViewModel(client, background, this::siteId, messages);
        this.siteList = new FormState(background, messages);
        this.services = new ServicesViewModel(client, background, this::siteId, messages);
        this.rooms = new RoomsViewModel(client, background, this::siteId, messages);
        this.schedules = new SchedulesViewModel(client, background, this::siteId, messages);
        this.users = new UsersViewModel(client, background, messages);
        this.devices = new DevicesViewModel(client, background, this::siteId, messages);
        this.settings = new SiteSettingsViewModel(client, background, site::get, messages);
        this.audit = new AuditViewModel(client, background, this::zone, messages);
        screen.addListener((o, before, now) -> loadScreen());
        site.addListener((o, before, now) -> loadScreen());
    }

    /** Reads the sites, then opens the first screen at the first site. */
    public void start() {
        siteList.run(client::sites, loaded -> {
            sites.setAll(loaded);
            if (!loaded.isEmpty()) {
                site.set(loaded.get(0));
            }
            if (screen.get() == null) {
                screen.set(AdminScreen.DASHBOARD);
            }
        });
    }

    private void loadScreen() {
        AdminScreen open = screen.get();
        if (open == null || site.get() == null) {
            return;
        }
        if (open != AdminScreen.DASHBOARD) {
            dashboard.close();
        }
        switch (open) {
            case DASHBOARD -> dashboard.load();
            case REPORTS -> reports.load();
            case ALERTS -> alertRules.load();
            case SERVICES -> services.load();
            case ROOMS -> rooms.load();
            case SCHEDULES -> schedules.load();
            case USERS -> users.load();
            case DEVICES -> devices.load();
            case SETTINGS -> settings.load();
            case AUDIT -> audit.load();
            default -> throw new IllegalStateException("unknown screen " + open);
        }
    }

    /**
     * Follows the desk's live site, moved to the site chosen here (and again on each choice): its events refresh
     * the dashboard (throttled), and its open alerts show as the same banner as at reception, acknowledged from there.
     */
    public void follow(org.queuedesk.desktop.live.LiveSite live) {
        if (site.get() != null) {
            live.followSite(site.get().id());
        }
        site.addListener((o, before, now) -> {
            if (now != null) {
                live.followSite(now.id());
            }
        });
        live.onEvent(event -> dashboard.changed());
        // a fresh snapshot (the chosen site's first, or one after a lost stream) may hold what no event told
        live.onSnapshot(now -> {
            if (now != null && site.get() != null && now.site().id() == site.get().id()) {
                dashboard.changed();
            }
        });
        alerts = org.queuedesk.desktop.alert.AlertBannerViewModel.following(live, background, messages::getString);
    }

    /** The open alerts' banner; null until {@link #follow} (no live site). */
    public org.queuedesk.desktop.alert.AlertBannerViewModel alerts() {
        return alerts;
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public ReportsViewModel reports() {
        return reports;
    }

    public AlertRulesViewModel alertRules() {
        return alertRules;
    }

    private long siteId() {
        return site.get().id();
    }

    /** The site's own time zone: the audit log's dates are the clinic's days. */
    private ZoneId zone() {
        SiteDto current = site.get();
        try {
            return current == null ? ZoneId.systemDefault() : ZoneId.of(current.timeZone());
        } catch (java.time.DateTimeException unknown) {
            return ZoneId.systemDefault();
        }
    }

    public ObservableList<SiteDto> sites() {
        return sites;
    }

    public ObjectProperty<SiteDto> siteProperty() {
        return site;
    }

    public ObjectProperty<AdminScreen> screenProperty() {
        return screen;
    }

    FormState siteForm() {
        return siteList;
    }

    public ServicesViewModel services() {
        return services;
    }

    public RoomsViewModel rooms() {
        return rooms;
    }

    public SchedulesViewModel schedules() {
        return schedules;
    }

    public UsersViewModel users() {
        return users;
    }

    public DevicesViewModel devices() {
        return devices;
    }

    public SiteSettingsViewModel settings() {
        return settings;
    }

    public AuditViewModel audit() {
        return audit;
    }
}
