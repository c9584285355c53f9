package org.queuedesk.server.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.server.alert.AlertPorts;
import org.queuedesk.server.alert.Alerts;
import org.queuedesk.server.appointment.AppointmentController;
import org.queuedesk.server.appointment.AppointmentPersonalData;
import org.queuedesk.server.appointment.AppointmentPorts;
import org.queuedesk.server.appointment.AppointmentReportData;
import org.queuedesk.server.appointment.AppointmentService;
import org.queuedesk.server.auth.AuditLog;
import org.queuedesk.server.auth.Auth;
import org.queuedesk.server.auth.AuthController;
import org.queuedesk.server.backup.BackupController;
import org.queuedesk.server.backup.Backups;
import org.queuedesk.server.device.PrinterController;
import org.queuedesk.server.device.PrinterStatuses;
import org.queuedesk.server.event.EventHub;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.event.EventRetention;
import org.queuedesk.server.event.PostgresEventFeed;
import org.queuedesk.server.event.EventRoutes;
import org.queuedesk.server.event.EventPersonalData;
import org.queuedesk.server.event.EventStream;
import org.queuedesk.server.health.HealthController;
import org.queuedesk.server.health.MetricsController;
import org.queuedesk.server.idempotency.IdempotentWrites;
import org.queuedesk.server.idempotency.ReplyPersonalData;
import org.queuedesk.server.privacy.PersonalDataHolders;
import org.queuedesk.server.privacy.PersonalDataPurge;
import org.queuedesk.server.site.SitePorts;
import org.queuedesk.server.privacy.PhoneHasher;
import org.queuedesk.server.privacy.PrivacyController;
import org.queuedesk.server.report.ReportController;
import org.queuedesk.server.report.ReportService;
import org.queuedesk.server.queue.QueueController;
import org.queuedesk.server.queue.QueueService;
import org.queuedesk.server.queue.WaitEstimates;
import org.queuedesk.server.site.DemoData;
import org.queuedesk.server.site.SiteController;
import org.queuedesk.server.site.SiteService;
import org.queuedesk.server.ticket.DayEnd;
import org.queuedesk.server.ticket.Doctors;
import org.queuedesk.server.ticket.TicketController;
import org.queuedesk.server.ticket.TicketDao;
import org.queuedesk.server.ticket.TicketHooks;
import org.queuedesk.server.ticket.TicketMoves;
import org.queuedesk.server.ticket.TicketPersonalData;
import org.queuedesk.server.ticket.TicketReportData;
import org.queuedesk.server.notify.SmsController;
import org.queuedesk.server.notify.SmsDispatcher;
import org.queuedesk.server.notify.AppointmentSms;
import org.queuedesk.server.notify.SmsOutbox;
import org.queuedesk.server.notify.SmsPersonalData;
import org.queuedesk.server.notify.SmsService;
import org.queuedesk.server.notify.SmsTemplates;
import org.queuedesk.server.online.OnlineController;
import org.queuedesk.server.online.OnlinePage;
import org.queuedesk.server.online.OnlinePorts;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.online.OnlineService;
import org.queuedesk.server.online.OnlineTexts;
import org.queuedesk.server.online.RemoteJoining;
import org.queuedesk.server.status.PageTexts;
import org.queuedesk.server.status.StatusController;
import org.queuedesk.server.status.StatusLinkPersonalData;
import org.queuedesk.server.status.StatusPage;
import org.queuedesk.server.status.StatusRoutes;
import org.queuedesk.server.status.StatusService;
import org.queuedesk.server.status.StatusStream;
import org.queuedesk.server.status.TicketTokens;
import org.queuedesk.server.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.queuedesk.server.ground.Authenticator;
import org.queuedesk.server.ground.ConnectionSource;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.PostgresSingleInstanceJobs;
import org.queuedesk.server.ground.Dialect;
import org.queuedesk.server.ground.SingleInstanceJobs;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.AuditTrail;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.RouteSpec;
import org.queuedesk.server.ground.WsRouteSpec;

/**
 * Builds the whole server by hand from its parts (no DI framework) and starts or stops it. Tests build
 * one on a temporary SQLite file with their own clock and start it on a random port.
 */
public final class QueueServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueServer.class);
    private static final long MAX_BODY_BYTES = 64 * 1024;
    private static final String TIMER_START = "queuedesk.timer";

    private final ServerConfig config;
    private final Database db;
    private final Javalin app;
    private final SiteService sites;
    private final ScheduledExecutorService housekeeping;
    private final IdempotentWrites writes;
    private final SmsDispatcher smsDispatcher;
    private final StatusStream statusStream;
    private final Auth auth;
    private final EventHub hub;
    private final PersonalDataPurge purge;
    private final RouteTree routes;
    private final AutoCloseable jvmMetrics;
    private final Backups backups;
    private final AppointmentService appointments;
    private final Alerts alerts;
    private final DayEnd dayEnd;
    private final EventRetention eventRetention;
    private final SingleInstanceJobs singleInstance;
    /** PostgreSQL only: every instance's committed events, for this one's streams. */
    private final PostgresEventFeed eventFeed;

    /** The server with the sign-in its configuration asks for. */
    public QueueServer(ServerConfig config, Clock clock) {
        this(config, clock, null);
    }

    /**
     * @param authenticatorOverride replaces the configured sign-in; tests that are not about access use it,
     *                              production never does
     */
    public QueueServer(ServerConfig config, Clock anyClock, Authenticator authenticatorOverride) {
        // SQLite: this is the one instance, and it runs every job; PostgreSQL: one of possibly several
        this(config, anyClock, authenticatorOverride,
                config.postgres() == null ? Dialect.SQLITE : Dialect.POSTGRESQL,
                config.postgres() == null ? null : sessionConnections(config.postgres()));
    }

    private static ConnectionSource sessionConnections(org.queuedesk.server.ground.PostgresSettings postgres) {
        return () -> java.sql.DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
    }

    /**
     * Several instances on one database (issue 15): the store decides. On PostgreSQL the store choice passes
     * {@link Dialect#POSTGRESQL} (the SMS dispatcher's claims lock and skip rows; events are announced with
     * NOTIFY) and {@code sessions}, e.g. {@code () -> DriverManager.getConnection(url, user, password)}, for the
     * connections that live as long as a session: the advisory locks that run the housekeeping and the alert
     * evaluation on one instance at a time, and the LISTEN that brings every instance's events to this one's
     * streams ({@link PostgresEventFeed}).
     *
     * @param sessions null on SQLite, the one instance
     */
    public QueueServer(ServerConfig config, Clock anyClock, Authenticator authenticatorOverride, Dialect dialect,
                       ConnectionSource sessions) {
        this.config = config;
        this.singleInstance = dialect == Dialect.POSTGRESQL ? new PostgresSingleInstanceJobs(sessions)
                : SingleInstanceJobs.thisInstanceOnly();
        // the database keeps milliseconds; an answer must not show more precision than a later read
        Clock clock = Clock.tick(anyClock, java.time.Duration.ofMillis(1));
        createDataDir(config);
        this.db = config.postgres() != null ? Database.openPostgres(config.postgres())
                : Database.open(config.databaseFile(), config.sqlite());
        ObjectMapper json = JsonMapperFactory.create();
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.jvmMetrics = JvmMetrics.bind(metrics);
        db.bindMetrics(metrics);
        this.hub = new EventHub(metrics);
        var events = new EventLog(json, hub, clock, dialect);
        this.eventFeed = dialect == Dialect.POSTGRESQL ? new PostgresEventFeed(sessions, hub, json) : null;
        // a site's settings: its time zone waits for no open ticket; changes go to the audit log
        var siteAudit = new AuditLog(db, clock);
        this.sites = new SiteService(db, new SitePorts(
                (tx, siteId) -> tx.attach(TicketDao.class).countOpenAtSite(siteId),
                siteAudit::record, config.retention().days()));
        // text messages and the patient's status page: hooks write in the ticket's transaction
        var tokens = new TicketTokens(this::publicUrl);
        // wait estimates read on demand, their measured times cached until a call at the service ends
        var waits = new WaitEstimates(clock);
        var smsTemplates = new SmsTemplates();
        // opt-outs are kept as a keyed hash of the number, so they outlive the purge of the number
        var phoneHasher = PhoneHasher.loadOrCreate(config.keys());
        this.smsDispatcher = new SmsDispatcher(db, dialect, config.sms().createSender(), config.sms(), events, clock,
                phoneHasher, metrics);
        var outbox = new SmsOutbox(config.sms(), smsTemplates, tokens, waits, events, clock, smsDispatcher::wake,
                phoneHasher);
        // tokens first: the confirmation text the outbox writes links to the ticket's new token
        var moves = new TicketMoves(events, clock, TicketHooks.all(tokens, outbox, waits));
        // a revoked device or disabled user loses its open streams at once (stillAllowed reads auth, set next)
        var stream = new EventStream(db, events, hub, sites, metrics, this::stillAllowed);
        this.auth = new Auth(db, config.keys(), config.auth(), clock, stream::closeWhere);
        if (eventFeed != null) {
            // a user disabled or a device revoked through another instance loses its streams here too
            eventFeed.hearing(Auth.ACCESS_CHANNEL, new PostgresEventFeed.Listener() {
                @Override
                public void heard(String payload) {
                    auth.accessEndedElsewhere(payload);
                }

                @Override
                public void mayHaveMissed() {
                    auth.accessMayHaveEndedUnheard();
                }
            });
        }
        AuditTrail audit = auth.audit()::record;
        Doctors doctors = doctors(auth);
        var tickets = new TicketService(db, moves, events, clock, doctors, audit);
        // a check-in issues its ticket through the ticket feature; phones follow the tickets' rule (notify); texts
        // go through the SMS outbox; users have no display name yet, so a doctor is named by their username
        var appointmentSms = new AppointmentSms(config.sms(), smsTemplates, clock, smsDispatcher::wake, phoneHasher);
        this.appointments = new AppointmentService(db, events, clock, sites,
                new AppointmentPorts(doctors::isDoctor, outbox::phoneFor, tickets::issue, (tx, username) -> username,
                        appointmentSms));
        // a site's day ends at its local midnight: what the day left open expires
        this.dayEnd = new DayEnd(db, moves, clock, sites::sites);
        var queue = new QueueService(db, moves, events, clock, audit, waits);
        this.writes = new IdempotentWrites(db, json, clock);
        var sms = new SmsService(db, smsTemplates, tokens, events, clock, phoneHasher);
        var pageTexts = new PageTexts();
        var patientStatus = new StatusService(db, tokens, waits, sms, moves, pageTexts, clock);
        this.statusStream = new StatusStream(patientStatus, hub, json);
        // each feature forgets the personal data in its own tables, in the purge's transaction
        var smsPersonalData = new SmsPersonalData();
        var personalData = new PersonalDataHolders(new TicketPersonalData(), smsPersonalData,
                new StatusLinkPersonalData(), new EventPersonalData(), new ReplyPersonalData(), smsPersonalData,
                new AppointmentPersonalData(smsPersonalData::forgetAppointmentMessages, clock));
        this.purge = new PersonalDataPurge(db, config.retention(), phoneHasher, auth.audit(), json, personalData, clock);
        // the event log is kept --event-retention-days, pruned by the hourly retention job
        this.eventRetention = new EventRetention(db, config.retention().eventRetention(), clock,
                () -> sites.sites().stream().map(org.queuedesk.common.site.SiteDto::id).toList());
        this.backups = new Backups(db, config.keys(), config.backup(), clock, audit, json);
        // alerts read each owner's data through ports, on connections of their own, never on the writer
        var printers = new PrinterStatuses(db, events, sites, clock);
        this.alerts = new Alerts(db, events, hub, sites, clock, audit, json, new AlertPorts(queue::servedServices,
                (siteId, since) -> {
                    var ended = sms.endedSince(siteId, since);
                    return new AlertPorts.SmsCounts(ended.ended(), ended.failed());
                },
                siteId -> printers.atSite(siteId).stream().filter(p -> !"ok".equals(p.state()))
                        .map(p -> new AlertPorts.PrinterProblem(p.deviceId(), p.deviceName(), p.state(), p.at()))
                        .toList()),
                config.alerts(), config.sms().snsEndpoint(), singleInstance);
        var access = new AccessCheck(authenticatorOverride != null ? authenticatorOverride : auth.authenticator());

        var openApi = new java.util.concurrent.atomic.AtomicReference<Map<String, Object>>();
        this.routes = new RouteTree(writes, new HealthController(db, auth.healthChecks()),
                new MetricsController(metrics, db, clock, config.monitoring().metricsToken()), ctx -> ctx.json(openApi.get()), new AuthController(auth),
                new SiteController(sites), new TicketController(tickets, sites, clock), new QueueController(queue),
                new EventRoutes(stream))
                .withPatientMessaging(new SmsController(sms), new StatusRoutes(
                        new StatusController(patientStatus, new StatusPage(pageTexts, json)), statusStream))
                .withDisplayBoard(new org.queuedesk.server.display.DisplayController())
                .withDevicePrinters(new PrinterController(printers))
                .withPrivacy(new PrivacyController(purge))
                .withBackups(new BackupController(backups))
                .withAppointments(new AppointmentController(appointments, sites, clock))
                .withOnline(online(config, clock, outbox, phoneHasher, tickets, tokens, queue))
                .withAlerts(alerts.controller())
                // reports read the history through its owners' ports, on the read pool
                .withReports(new ReportController(new ReportService(db, sites, new TicketReportData(),
                        new AppointmentReportData())));
        openApi.set(OpenApiDocument.build(routes.routes(), routes.wsRoutes(), version()));

        this.app = Javalin.create(cfg -> configure(cfg, json, routes, access, metrics));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "queuedesk-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Patients on their own phone: codes and manage links through the outbox, tickets through the ticket
     * feature, bookings through the appointment feature (the desks' path).
     */
    private OnlineController online(ServerConfig config, Clock clock, SmsOutbox outbox, PhoneHasher phoneHasher,
                                    TicketService tickets, TicketTokens tokens, QueueService queue) {
        var ports = new OnlinePorts(sites::site, sites::service, sites::services, queue::status, outbox::phoneFor,
                outbox::sendCode, phoneHasher::hash, tickets::issue,
                (tx, ticket) -> "/t/" + tokens.ensure(tx.handle(), ticket).token(), bookings(appointments),
                outbox::sendManageLink, sites::room);
        var texts = new OnlineTexts();
        var joining = new RemoteJoining(db, ports);
        var service = new OnlineService(db, ports, config.online(), config.sms().maxPerPhonePerDay(), texts, clock);
        var booking = new org.queuedesk.server.online.OnlineBookings(db, service, ports, config.online(), texts,
                this::publicUrl, clock);
        return new OnlineController(service, joining, ports, new OnlinePage(texts), this::publicUrl, clock, booking);
    }

    private static OnlinePorts.Bookings bookings(AppointmentService appointments) {
        return new OnlinePorts.Bookings() {
            @Override
            public java.util.List<org.queuedesk.common.appointment.SlotDto> freeSlots(long siteId, long serviceId,
                    String doctor, java.time.LocalDate from, java.time.LocalDate to) {
                return appointments.freeSlots(siteId, serviceId, doctor, from, to);
            }

            @Override
            public java.util.List<org.queuedesk.common.appointment.SlotDayDto> freeDays(long siteId, long serviceId,
                    String doctor, java.time.LocalDate from, java.time.LocalDate to) {
                return appointments.freeSlotCalendar(siteId, serviceId, doctor, from, to);
            }

            @Override
            public org.queuedesk.common.appointment.AppointmentDto find(long appointmentId) {
                return appointments.find(appointmentId);
            }

            @Override
            public org.queuedesk.common.appointment.AppointmentDto book(WriteTransaction tx,
                    org.queuedesk.common.appointment.BookAppointmentRequest request, String actor) {
                return appointments.book(tx, request, actor);
            }

            @Override
            public org.queuedesk.common.appointment.AppointmentDto move(WriteTransaction tx, long appointmentId,
                    org.queuedesk.common.appointment.MoveAppointmentRequest request, String actor) {
                return appointments.move(tx, appointmentId, request, actor);
            }

            @Override
            public org.queuedesk.common.appointment.AppointmentDto cancel(WriteTransaction tx, long appointmentId,
                    String actor) {
                return appointments.cancel(tx, appointmentId, actor);
            }
        };
    }

    /** Built-in sign-in knows its users, so an assignment must name one with the doctor role; Cognito's are unknown here. */
    private static Doctors doctors(Auth auth) {
        if (auth.builtIn().isEmpty()) {
            return Doctors.ANY_USERNAME;
        }
        return org.queuedesk.server.auth.UserWriteDao::isDoctor;
    }

    private void configure(JavalinConfig cfg, ObjectMapper json, RouteTree routes, AccessCheck access,
                           PrometheusMeterRegistry metrics) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.maxRequestSize = MAX_BODY_BYTES;
        cfg.jsonMapper(new JavalinJackson(json, false));
        cfg.jetty.host = config.host();
        cfg.jetty.port = config.port();
        // no per-connection cache of parsed header lines: each keep-alive connection kept a table of ~14 KB for it
        // (three quarters of the char[] allocated under a desk load; with 200 desks connected, 22 of the heap's
        // 35 live MB), to save parsing a handful of short headers per request
        cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
        cfg.http.prefer405over404 = true; // a wrong method on a known path is a 405, not "no such route"
        new ErrorMapping(json).install(cfg);
        ContainerErrors.install(cfg, json);
        cfg.routes.before(ctx -> {
            ctx.attribute(TIMER_START, System.nanoTime());
            RequestIds.begin(ctx);
            ctx.header("Cache-Control", "no-store");
            if (ctx.contentLength() > MAX_BODY_BYTES) {
                throw ApiProblem.tooLarge("The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB.");
            }
        });
        cfg.routes.beforeMatched(access::check);
        cfg.routes.wsBeforeUpgrade(RequestIds::begin);
        cfg.routes.wsBeforeUpgrade(access::check);
        cfg.routes.wsAfterUpgrade(ctx -> RequestIds.end());
        cfg.routes.after(ctx -> {
            try {
                recordTiming(ctx, metrics);
            } finally {
                RequestIds.end();
            }
        });
        for (RouteSpec route : routes.routes()) {
            cfg.routes.addHttpHandler(route.method(), route.path(), routes.handler(route),
                    AccessCheck.routeRoles(route.roles()));
        }
        for (WsRouteSpec ws : routes.wsRoutes()) {
            cfg.routes.ws(ws.path(), ws.handler(), AccessCheck.routeRoles(ws.roles()));
        }
    }

    private static void recordTiming(Context ctx, PrometheusMeterRegistry metrics) {
        Long start = ctx.attribute(TIMER_START);
        if (start == null) {
            return;
        }
        var matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        long elapsed = System.nanoTime() - start;
        AccessLog.record(ctx, route, elapsed);
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().toString())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(metrics)
                .record(elapsed, TimeUnit.NANOSECONDS);
    }

    public QueueServer start() {
        Long demoSite = config.demo() ? DemoData.ensure(sites, config.demoTimeZone()) : null;
        auth.ensureFirstUsers(config.demo(), demoSite);
        auth.logProviderCheck();
        purge.hashOldOptOuts(); // before anything is sent: an opt-out from before version 5 must still count
        if (eventFeed != null) {
            eventFeed.start(); // before serving: no commit after the first request's goes unpublished
        }
        app.start();
        smsDispatcher.start();
        alerts.start();
        log.info("Text messages: {} (status links {}/t/…)", smsDispatcher.sender().logsOnly() ? "to the log only"
                : "through Amazon SNS", publicUrl());
        // each job on one instance at a time where several share the database (always this one on SQLite)
        housekeeping.scheduleAtFixedRate(singleInstance.guarded("idempotency-purge", this::purgeIdempotencyKeys),
                1, 60, TimeUnit.MINUTES);
        housekeeping.scheduleAtFixedRate(singleInstance.guarded("missed-appointments", this::markMissedAppointments),
                1, 1, TimeUnit.MINUTES);
        housekeeping.scheduleAtFixedRate(singleInstance.guarded("appointment-reminders", this::sendAppointmentReminders),
                1, 1, TimeUnit.MINUTES);
        housekeeping.scheduleAtFixedRate(singleInstance.guarded("day-end", this::endDays), 1, 1, TimeUnit.MINUTES);
        // at start-up (in the background: the first purge after an upgrade may be long) and then hourly
        housekeeping.scheduleAtFixedRate(singleInstance.guarded("retention-purge", this::purgePersonalData),
                0, 60, TimeUnit.MINUTES);
        if (config.backup().scheduled()) {
            long every = config.backup().every().toMillis();
            housekeeping.scheduleAtFixedRate(singleInstance.guarded("backup", backups::scheduled), every, every,
                    TimeUnit.MILLISECONDS);
            log.info("Backups every {} into {} (keeping the newest {})", config.backup().every(),
                    config.backup().dir().toAbsolutePath(), config.backup().keep());
        }
        log.info("QueueDesk server listening on http://{}:{} (data: {})", displayHost(), port(),
                config.postgres() != null ? config.postgres().safeUrl() : config.databaseFile().toAbsolutePath());
        return this;
    }

    /** The alerts, for tests that move the clock and check at once. */
    public Alerts alerts() {
        return alerts;
    }

    private boolean stillAllowed(Principal principal) {
        return auth.stillAllowed(principal);
    }

    private void purgeIdempotencyKeys() {
        try {
            writes.purgeExpired();
        } catch (RuntimeException e) {
            log.warn("Could not purge old idempotency keys", e);
        }
    }

    private void markMissedAppointments() {
        try {
            appointments.markMissed(PersonalDataPurge.SYSTEM);
        } catch (RuntimeException e) {
            log.warn("Could not mark missed appointments; the next run in a minute tries again", e);
        }
    }

    private void sendAppointmentReminders() {
        try {
            appointments.sendReminders();
        } catch (RuntimeException e) {
            log.warn("Could not write appointment reminders; the next run in a minute tries again", e);
        }
    }

    private void endDays() {
        try {
            dayEnd.run();
        } catch (RuntimeException e) {
            log.warn("Could not expire the tickets earlier days left open; the next run in a minute tries again", e);
        }
    }

    private void purgePersonalData() {
        try {
            purge.run(PersonalDataPurge.SYSTEM);
            eventRetention.prune();
        } catch (RuntimeException e) {
            if (!housekeeping.isShutdown()) { // stopping the server interrupts a purge; the next start resumes it
                log.warn("Could not purge personal data or events past the retention; the next hourly run tries again", e);
            }
        }
    }

    private String displayHost() {
        return "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + ("0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host()) + ":" + port();
    }

    /** How patients reach this server: {@code --public-url}, else the address it listens on. */
    public String publicUrl() {
        return config.sms().publicUrl() != null ? config.sms().publicUrl() : baseUrl();
    }

    public Database database() {
        return db;
    }

    public SiteService sites() {
        return sites;
    }

    /** Schedules and bookings; tests run the missed-appointment marking with their own clock. */
    public AppointmentService appointments() {
        return appointments;
    }

    /** The end of each site's day, as the schedule runs it; tests run it with their own clock. */
    public DayEnd dayEnd() {
        return dayEnd;
    }

    /** The event log's retention, as the hourly job runs it. */
    public EventRetention eventRetention() {
        return eventRetention;
    }

    /** The personal data purge, as the schedule runs it. */
    public PersonalDataPurge purge() {
        return purge;
    }

    /** Backups, as the schedule and {@code POST /api/admin/backup} take them. */
    public Backups backups() {
        return backups;
    }

    public Auth auth() {
        return auth;
    }

    /** Every route the server answers, as its features declared them. */
    public RouteTree routes() {
        return routes;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        alerts.close();
        singleInstance.close();
        smsDispatcher.close();
        statusStream.close();
        app.stop();
        if (eventFeed != null) {
            eventFeed.close();
        }
        hub.close();
        closeQuietly(jvmMetrics);
        db.close();
        log.info("QueueDesk server stopped");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("Could not stop the JVM metrics", e);
        }
    }

    private static void createDataDir(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + config.dataDir().toAbsolutePath(), e);
        }
    }

    static String version() {
        return org.queuedesk.common.Release.current();
    }
}
