package org.queuedesk.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.queuedesk.common.event.EventPayload.SmsChange;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Dialect;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.privacy.PhoneHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * Sends the outbox: a thread woken right after a commit that queued a message, when a lane ends, and
 * otherwise when the next retry is due, hands what is due to lanes, one per phone number, {@value #SENDERS}
 * sending at a time: one number's messages in order, different numbers at once, and a new message starts
 * as soon as its number is free, so SNS's own latency does not queue a burst behind itself. Nothing here runs inside a request's transaction;
 * each outcome is recorded in a short transaction of its own, with an {@code sms.updated} event.
 *
 * <p>Throttling, 5xx, timeouts and dropped connections pause all sending with exponential backoff and
 * jitter (SNS limits the account, not one number); a message still unsent after {@code giveUpAfter} fails
 * with the last reason. Queued rows survive a restart and are sent then.
 *
 * <p>Several server instances may share one database (PostgreSQL), each with its dispatcher: a message is
 * claimed with a lease ({@link NotifyDao#claim}) in a short transaction of its own before it is sent, so two
 * dispatchers never send one message at once, and a lease left by an instance that died mid-send is taken
 * over once it runs out ({@link #LEASE}). Only a number's oldest queued message can be claimed, so its
 * messages keep their order whichever instance sends them.
 *
 * <p>Delivery is at least once. A duplicate happens when SNS accepted a message but we did not learn so:
 * the reply timed out or the connection dropped after the request arrived, or the server stopped between
 * SNS's answer and our commit of "sent". Such a message is sent again on the next attempt.
 */
public final class SmsDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);
    private static final int BATCH = 20;
    static final int SENDERS = 4;
    private static final Duration POLL = Duration.ofSeconds(5);
    /**
     * How long a claimed message is this dispatcher's: well beyond an opt-out check and a send (each bounded by
     * the SNS timeout); renewed before a send when less than half of it is left.
     */
    static final Duration LEASE = Duration.ofMinutes(2);
    private final Dialect dialect;
    /** Whose lease a claimed row carries: this process and this dispatcher (tests run two in one JVM). */
    private final String instance = java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
            + java.util.UUID.randomUUID().toString().substring(0, 8);
    private final Database db;
    private final SmsSender sender;
    private final SmsSettings settings;
    private final EventLog events;
    private final Clock clock;
    private final PhoneHasher phones;
    private final SmsMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    /** By the number's hash: this cache lives as long as the server, longer than the retention allows numbers. */
    private final Map<String, Instant> checkedNotOptedOut = new ConcurrentHashMap<>();
    private final Thread thread;
    private final ExecutorService lanes = Executors.newFixedThreadPool(SENDERS, r -> {
        var sender = new Thread(r, "queuedesk-sms-lane");
        sender.setDaemon(true);
        return sender;
    });
    /** Numbers whose lane is sending: a number has at most one, so its messages keep their order. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private boolean woken;
    private volatile boolean running = true;
    /** Shared by the lanes: guarded by {@code this}. */
    private int consecutiveFailures;
    private Instant pausedUntil = Instant.MIN;

    public SmsDispatcher(Database db, SmsSender sender, SmsSettings settings, EventLog events, Clock clock,
                         PhoneHasher phones) {
        this(db, sender, settings, events, clock, phones, new SimpleMeterRegistry());
    }

    /** @param registry where the send results and the outbox depth are published ({@link SmsMetrics}) */
    public SmsDispatcher(Database db, SmsSender sender, SmsSettings settings, EventLog events, Clock clock,
                         PhoneHasher phones, MeterRegistry registry) {
        this(db, Dialect.SQLITE, sender, settings, events, clock, phones, registry);
    }

    /**
     * @param dialect the store's: on {@link Dialect#POSTGRESQL} other instances may share the outbox; on
     *                {@link Dialect#SQLITE} this is the one dispatcher, which drops leftover leases as it starts
     */
    public SmsDispatcher(Database db, Dialect dialect, SmsSender sender, SmsSettings settings, EventLog events,
                         Clock clock, PhoneHasher phones, MeterRegistry registry) {
        this.dialect = dialect;
        this.metrics = new SmsMetrics(registry, db);
        this.db = db;
        this.phones = phones;
        this.sender = sender;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.thread = new Thread(this::run, "queuedesk-sms");
        thread.setDaemon(true);
    }

    public void start() {
        if (dialect == Dialect.SQLITE) {
            // the one instance: leases from before a restart are its own, and nobody else is sending them
            db.write(tx -> tx.attach(NotifyDao.class).releaseAll());
        }
        thread.start();
    }

    /** Called after a commit that queued a message: send now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    public SmsSender sender() {
        return sender;
    }

    private void run() {
        while (running) {
            long waitMillis;
            try {
                waitMillis = sendDue();
            } catch (RuntimeException e) {
                // e.g. the database is closing; try again later rather than lose the thread
                log.warn("SMS dispatcher round failed", e);
                waitMillis = POLL.toMillis();
            }
            lock.lock();
            try {
                if (!woken && running && waitMillis > 0) {
                    signal.await(waitMillis, TimeUnit.MILLISECONDS);
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Sends what is due; returns how long to wait before looking again. */
    private long sendDue() {
        var now = clock.instant();
        if (now.isBefore(pausedUntil())) {
            return Math.max(1, Duration.between(now, pausedUntil()).toMillis());
        }
        var due = db.write(tx -> tx.attach(NotifyDao.class).claim(dialect, instance, now, now.plus(LEASE), BATCH));
        var byNumber = new LinkedHashMap<String, List<OutboxRow>>();
        due.forEach(row -> byNumber.computeIfAbsent(row.phone(), phone -> new ArrayList<>()).add(row));
        int started = 0;
        boolean inFlight = !busy.isEmpty(); // a lane still sending wakes this thread when it is done
        for (var entry : byNumber.entrySet()) {
            String phone = entry.getKey();
            if (!busy.add(phone)) {
                // its lane is ending (it sent the older message): hand the claim back for the next round
                inFlight = true;
                db.write(tx -> {
                    entry.getValue().forEach(row -> tx.attach(NotifyDao.class).release(row.id(), instance));
                    return null;
                });
                continue;
            }
            var lane = entry.getValue();
            // within a number, the order they were written (a retried one comes due later than a newer one)
            lane.sort(Comparator.comparingLong(OutboxRow::id));
            started++;
            lanes.execute(() -> send(phone, lane));
        }
        if (due.size() == BATCH && started > 0) {
            return 0;
        }
        var later = clock.instant();
        if (later.isBefore(pausedUntil())) {
            return Math.max(1, Duration.between(later, pausedUntil()).toMillis());
        }
        long next = db.read(h -> h.attach(NotifyDao.class).nextDueMillis()).orElse(Long.MAX_VALUE);
        if (next <= later.toEpochMilli() && (inFlight || started > 0)) {
            return POLL.toMillis(); // what is due now is being sent; each lane wakes this thread as it ends
        }
        // nothing claimed although something looks due: another instance is claiming it right now
        return Math.max(started == 0 ? 50 : 1, Math.min(POLL.toMillis(), next - later.toEpochMilli()));
    }

    /** One number's lane: its messages in order, until one must wait; then the number is free again. */
    private void send(String phone, List<OutboxRow> lane) {
        int handled = 0;
        try {
            for (var row : lane) {
                if (!running || clock.instant().isBefore(pausedUntil())) {
                    break;
                }
                handled++; // from here on the row's outcome (or a lost lease) ends the claim
                // still queued and still this dispatcher's (an opt-out may have ended it meanwhile)
                if (!stillLeased(row)) {
                    continue;
                }
                if (!process(row)) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("An SMS lane stopped; its messages stay queued", e);
        } finally {
            if (handled < lane.size()) {
                releaseUnsent(lane.subList(handled, lane.size()));
            }
            busy.remove(phone);
            wake();
        }
    }

    /** Whether this dispatcher may send the row: its lease still holds, renewed when half of it is gone. */
    private boolean stillLeased(OutboxRow row) {
        var until = db.read(h -> h.attach(NotifyDao.class).leaseUntil(row.id(), instance));
        var now = clock.instant();
        if (until.isEmpty() || !until.get().isAfter(now)) {
            return false;
        }
        if (Duration.between(now, until.get()).compareTo(LEASE.dividedBy(2)) >= 0) {
            return true;
        }
        return db.write(tx -> tx.attach(NotifyDao.class).renewLease(row.id(), instance, now, now.plus(LEASE))) == 1;
    }

    /** A lane that stopped early (paused, closing) gives its unsent messages back for whoever sends next. */
    private void releaseUnsent(List<OutboxRow> lane) {
        try {
            db.write(tx -> {
                lane.forEach(row -> tx.attach(NotifyDao.class).release(row.id(), instance));
                return null;
            });
        } catch (RuntimeException e) {
            log.debug("Could not give claimed messages back; their leases run out instead", e);
        }
    }

    /** Handles one message; false when sending is paused and the lane should stop. */
    private boolean process(OutboxRow row) {
        var now = clock.instant();
        if (Duration.between(row.createdAt(), now).compareTo(settings.giveUpAfter()) > 0) {
            finish(row, "failed", row.attempts(), "Gave up after " + settings.giveUpAfter().toMinutes()
                    + " min without delivery" + (row.reason() == null ? "." : "; last error: " + row.reason()), null);
            return true;
        }
        var localOptOut = db.read(h -> h.attach(NotifyDao.class).optOutSource(phones.hash(row.phone())));
        if (localOptOut.isPresent()) {
            finish(row, "opted_out", row.attempts(), SmsOutbox.optOutReason(localOptOut.get()), null);
            return true;
        }
        try {
            if (!recentlyCheckedNotOptedOut(row.phone(), now)) {
                if (sender.isOptedOut(row.phone())) {
                    optedOutAtProvider(row);
                    return true;
                }
                checkedNotOptedOut.put(phones.hash(row.phone()), now);
            }
            String messageId = sender.send(row.phone(), row.body());
            synchronized (this) {
                consecutiveFailures = 0;
            }
            finish(row, sender.logsOnly() ? "logged" : "sent", row.attempts() + 1, null, messageId);
            return true;
        } catch (SmsFailure failure) {
            if (!failure.retryable()) {
                finish(row, "failed", row.attempts() + 1, failure.getMessage(), null);
                return true;
            }
            Duration delay;
            Instant resume;
            synchronized (this) {
                consecutiveFailures++;
                delay = backoff(consecutiveFailures);
                // lanes failing together pause once, until the latest of their resumes
                resume = pausedUntil.isAfter(clock.instant()) ? pausedUntil : clock.instant().plus(delay);
                pausedUntil = resume;
            }
            log.info("SMS {} to {} not sent ({}); pausing SMS for {} ms", row.id(), PhoneNumbers.mask(row.phone()),
                    failure.getMessage(), Duration.between(clock.instant(), resume).toMillis());
            retryLater(row, failure.getMessage(), resume);
            return false;
        }
    }

    private synchronized Instant pausedUntil() {
        return pausedUntil;
    }

    /** Exponential backoff with "equal jitter": between half and all of base·2^(n-1), capped at the maximum. */
    Duration backoff(int failures) {
        long base = settings.retryBase().toMillis();
        long capped = Math.min(settings.retryMax().toMillis(), base << Math.min(failures - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private boolean recentlyCheckedNotOptedOut(String phone, Instant now) {
        var checked = checkedNotOptedOut.get(phones.hash(phone));
        return checked != null && Duration.between(checked, now).compareTo(settings.optOutCheckTtl()) < 0;
    }

    private void optedOutAtProvider(OutboxRow row) {
        log.info("{} is on the SNS opt-out list; its queued messages will not be sent", PhoneNumbers.mask(row.phone()));
        db.write(tx -> {
            var dao = tx.attach(NotifyDao.class);
            var now = clock.instant();
            dao.optOut(phones.hash(row.phone()), "sns", now);
            for (var queued : dao.queuedFor(row.phone())) {
                record(tx, queued, "opted_out", queued.attempts(), SmsOutbox.optOutReason("sns"), null, now, now);
            }
            return null;
        });
    }

    private void finish(OutboxRow row, String state, int attempts, String reason, String messageId) {
        var now = clock.instant();
        db.write(tx -> {
            record(tx, row, state, attempts, reason, messageId, now, now);
            return null;
        });
    }

    private void retryLater(OutboxRow row, String reason, Instant next) {
        var now = clock.instant();
        db.write(tx -> {
            record(tx, row, "queued", row.attempts() + 1, reason, null, next, now);
            return null;
        });
    }

    private void record(org.queuedesk.server.ground.WriteTransaction tx, OutboxRow row, String state, int attempts,
                        String reason, String messageId, Instant next, Instant now) {
        var dao = tx.attach(NotifyDao.class);
        if (dao.update(row.id(), state, attempts, next, now, reason, messageId) == 1) {
            tx.afterCommit(() -> metrics.recorded(state));
            var updated = dao.find(row.id()).orElseThrow();
            if (updated.aboutTicket()) { // not an appointment's nor a verification code's: staff follow tickets'
                events.append(tx, row.siteId(), SmsOutbox.ACTOR, new SmsChange(updated.toDto()));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lanes.shutdownNow();
        sender.close();
    }
}
