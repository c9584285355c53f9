package org.queuedesk.desktop.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import java.util.ResourceBundle;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * One site, live: reads a snapshot on the background seam, then follows the event stream from the
 * snapshot's sequence number. After the stream was lost and comes back it catches up from its last
 * sequence number and also reads a fresh snapshot, so the desk shows everything that happened meanwhile.
 * Lives on the FX thread; desks subscribe with {@link #onChange}. {@link #statusProperty} says where it
 * stands, and the shell's banner and status bar both show it.
 */
public final class LiveSite {

    private final QueueDeskClient client;
    private final EventStreamClient stream;
    private final BackgroundExecutor background;
    private final ObservableBooleanValue serverReachable;
    private final ResourceBundle messages;
    private final TicketBoard board = new TicketBoard();
    private final ServiceWaits waits = new ServiceWaits();
    /** Only a desk that shows the waits re-reads them after events: each read runs the server's estimator. */
    private boolean followingWaits;
    // a screen's listeners, all dropped when the desk leaves it (leaveScreen); copied on write, as a listener may
    // open another screen while they are being told
    private final List<Consumer<QueueEvent>> eventListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Consumer<SiteSnapshot>> snapshotListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ReadOnlyBooleanWrapper streaming = new ReadOnlyBooleanWrapper(this, "streaming", false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper started = new ReadOnlyBooleanWrapper(this, "started", false);
    // set by any failure to read or stream, cleared once live again: the first start is not a "reconnect"
    private final ReadOnlyBooleanWrapper troubled = new ReadOnlyBooleanWrapper(this, "troubled", false);
    private final ReadOnlyBooleanWrapper signInEnded = new ReadOnlyBooleanWrapper(this, "signInEnded", false);
    private final ReadOnlyObjectWrapper<LiveStatus> status = new ReadOnlyObjectWrapper<>(this, "status", LiveStatus.OFF);
    private final ReadOnlyObjectWrapper<SiteSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final BooleanBinding online;
    private final StringBinding offlineReason;
    private boolean loading;
    private boolean streamStarted;
    /** The site followed: null is the server's first site (every desk); admin mode chooses one ({@link #followSite}). */
    private Long chosenSiteId;

    public LiveSite(QueueDeskClient client, EventStreamClient stream, BackgroundExecutor background,
                    ObservableBooleanValue serverReachable, ResourceBundle messages) {
        this.client = client;
        this.stream = stream;
        this.background = background;
        this.serverReachable = serverReachable;
        this.messages = messages;
        this.online = Bindings.createBooleanBinding(
                () -> serverReachable.get() && streaming.get() && loaded.get() && !signInEnded.get(),
                serverReachable, streaming, loaded, signInEnded);
        this.offlineReason = Bindings.createStringBinding(() -> {
            if (signInEnded.get()) {
                return messages.getString("live.offline.signIn");
            }
            if (!serverReachable.get()) {
                return messages.getString("live.offline.server");
            }
            if (!loaded.get() || !streaming.get()) {
                return messages.getString("live.offline.stream");
            }
            return "";
        }, serverReachable, streaming, loaded, signInEnded);
        status.bind(Bindings.createObjectBinding(() -> {
            if (!started.get()) {
                return LiveStatus.OFF;
            }
            if (signInEnded.get()) {
                return LiveStatus.SIGN_IN_ENDED;
            }
            if (streaming.get() && loaded.get()) {
                return LiveStatus.LIVE;
            }
            return troubled.get() ? LiveStatus.RECONNECTING : LiveStatus.STARTING;
        }, started, signInEnded, streaming, loaded, troubled));
        snapshot.addListener((o, before, now) -> snapshotListeners.forEach(listener -> listener.accept(now)));
        status.addListener((o, before, now) -> {
            if (now == LiveStatus.LIVE) {
                troubled.set(false);
            }
        });
        // The health check usually notices a returning server first: reconnect now, not at the next backoff.
        serverReachable.addListener((o, before, now) -> {
            if (now && started.get() && !signInEnded.get()) {
                if (!loaded.get()) {
                    refresh();
                }
                stream.reconnectNow();
            }
        });
    }

    /** Reads the first site and starts following it. */
    public void start() {
        started.set(true);
        refresh();
    }

    public void stop() {
        started.set(false);
        streamStarted = false;
        streaming.set(false);
        stream.stop();
    }

    /**
     * Follows another site from now on (admin mode's site chooser), or the server's first site again with null:
     * the stream of the site followed so far stops, and a snapshot of the chosen one is read, its stream started
     * from there. Events and snapshot listeners then hear of the chosen site only.
     */
    public void followSite(Long siteId) {
        if (java.util.Objects.equals(siteId, chosenSiteId)) {
            return;
        }
        chosenSiteId = siteId;
        SiteSnapshot current = snapshot.get();
        if (!started.get() || siteId != null && current != null && current.site().id() == siteId) {
            return; // already on it (the admin desk starts at the first site), or the start reads it
        }
        streamStarted = false;
        streaming.set(false);
        loaded.set(false);
        currentListener = null;
        stream.stop();
        refresh(); // a read still under way for the site left is dropped when it arrives (snapshotArrived)
    }

    /** Reads a fresh snapshot; once the first one is in, the stream starts from its sequence number. */
    public void refresh() {
        if (loading || signInEnded.get()) {
            return;
        }
        loading = true;
        Long wanted = chosenSiteId;
        background.run(() -> readSnapshot(wanted), fresh -> snapshotArrived(wanted, fresh), error -> {
            loading = false;
            loaded.set(false);
            troubled.set(true);
            if (!java.util.Objects.equals(wanted, chosenSiteId)) {
                refresh(); // the site chosen meanwhile has not been read yet
            }
        });
    }

    private SiteSnapshot readSnapshot(Long wanted) throws IOException, InterruptedException, ApiException {
        List<SiteDto> sites = client.sites();
        if (sites.isEmpty()) {
            throw new IllegalStateException("The server has no site yet");
        }
        SiteDto site = wanted == null ? sites.get(0) : sites.stream().filter(s -> s.id() == wanted).findFirst()
                .orElseThrow(() -> new IllegalStateException("The server has no site " + wanted));
        // status first: its lastEventSeq is not newer than the lists read after it
        var status = client.queueStatus(site.id());
        var services = client.services(site.id()).stream().filter(s -> s.active()).toList();
        var rooms = client.rooms(site.id());
        List<TicketDto> tickets = new ArrayList<>();
        for (var service : services) {
            tickets.addAll(client.ticketsOfService(service.id()));
        }
        return new SiteSnapshot(status.lastEventSeq(), site, services, rooms, status, tickets);
    }

    private void snapshotArrived(Long wanted, SiteSnapshot fresh) {
        loading = false;
        if (!started.get()) {
            return;
        }
        if (!java.util.Objects.equals(wanted, chosenSiteId)
                && !(chosenSiteId != null && fresh.site().id() == chosenSiteId)) {
            refresh(); // another site was chosen while this one was read
            return;
        }
        board.reset(fresh);
        waits.replace(fresh.status());
        snapshot.set(fresh);
        loaded.set(true);
        if (!streamStarted) {
            streamStarted = true;
            currentListener = new StreamListener();
            stream.start(client.server(), fresh.site().id(), fresh.seq(), currentListener);
        }
        changed();
    }

    /**
     * The listener of the stream now running. What an earlier one was handed and had not yet run on the FX thread
     * when the desk moved to another site is dropped: the old site's event applied to the new site's board
     * raised its sequence number, so the new site's first events were taken as already heard (session 9).
     */
    private StreamListener currentListener;

    private final class StreamListener implements EventStreamClient.Listener {
        @Override
        public void onEvent(QueueEvent event) {
            if (this != currentListener) {
                return;
            }
            if (board.apply(event)) {
                eventListeners.forEach(listener -> listener.accept(event));
                changed();
                readWaits();
            }
        }

        @Override
        public void onConnected(boolean afterDrop) {
            if (this != currentListener) {
                return;
            }
            streaming.set(true);
            if (afterDrop) {
                refresh();
            }
        }

        @Override
        public void onDisconnected(Duration retryIn) {
            if (this != currentListener) {
                return;
            }
            streaming.set(false);
            troubled.set(true);
        }

        @Override
        public void onSignInEnded() {
            signInEnded();
        }
    }

    /** The sign-in has ended (heard from the stream or from any request): stop and ask to sign in again. */
    public void signInEnded() {
        if (!started.get() || signInEnded.get()) {
            return;
        }
        signInEnded.set(true);
        streaming.set(false);
        stream.stop();
    }

    /** This desk shows the estimated waits: re-read them after every event (a doctor's desk does not). */
    public void followWaits() {
        followingWaits = true;
    }

    /** Reads the estimated waits again, off the FX thread (they move with every call, pause and ticket). */
    private void readWaits() {
        var current = snapshot.get();
        if (!followingWaits || current == null || signInEnded.get() || !waits.startRead()) {
            return;
        }
        long siteId = current.site().id();
        background.run(() -> client.queueStatus(siteId), status -> {
            waits.replace(status);
            boolean again = waits.finishRead();
            changed();
            if (again) {
                readWaits();
            }
        }, error -> waits.finishRead()); // the next event or snapshot tries again
    }

    /** The estimated wait of a patient joining a service's queue now, as last read (empty: none read yet). */
    public Optional<QueueStatusDto.ServiceQueue> waitAt(long serviceId) {
        return waits.at(serviceId);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    /** A ticket as an action returned it, shown at once (its event follows). */
    public void put(TicketDto ticket) {
        board.put(ticket);
        changed();
    }

    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    public void onEvent(Consumer<QueueEvent> listener) {
        eventListeners.add(listener);
    }

    /** Told each new snapshot (the first, one after a lost stream, the chosen site's); null when none. */
    public void onSnapshot(Consumer<SiteSnapshot> listener) {
        snapshotListeners.add(listener);
    }

    /**
     * The desk leaves its screen (another mode, the start screen): the listeners its screen added with
     * {@link #onChange}, {@link #onEvent} and {@link #onSnapshot} go, and so does {@link #followWaits}. The live site
     * outlives the screens of one sign-in, and a screen left behind kept hearing events and reading the server.
     */
    public void leaveScreen() {
        eventListeners.clear();
        changeListeners.clear();
        snapshotListeners.clear();
        followingWaits = false;
    }

    /** How many listeners the screens added (tests: a screen left leaves none behind). */
    public int listenerCount() {
        return eventListeners.size() + changeListeners.size() + snapshotListeners.size();
    }

    public TicketBoard board() {
        return board;
    }

    public QueueDeskClient client() {
        return client;
    }

    public ReadOnlyObjectProperty<SiteSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public SiteSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Where the live picture stands (see {@link LiveStatus}). */
    public ReadOnlyObjectProperty<LiveStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Actions may be sent: the server answers, the snapshot is in and the stream is live. */
    public BooleanBinding onlineProperty() {
        return online;
    }

    /** Why actions are disabled, or empty while online. */
    public StringBinding offlineReasonProperty() {
        return offlineReason;
    }
}
