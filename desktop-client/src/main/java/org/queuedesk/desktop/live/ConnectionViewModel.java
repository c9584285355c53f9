package org.queuedesk.desktop.live;

import java.net.URI;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.api.HealthStatus;
import org.queuedesk.desktop.live.LiveStatus;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.api.ReconnectPolicy;

/**
 * Whether the queue server answers. Checks {@code GET /health} on the background seam: every poll
 * interval while it answers, with exponential backoff while it does not. All state changes happen in
 * the seam's callbacks (the FX thread in production), so views can bind to the properties directly.
 *
 * <p>Once a desk follows a site ({@link #follow}) its live status joins in: one {@link State} feeds both the
 * status bar and the banner, so they never contradict each other (the server answering does not make a
 * desk whose live stream is refused "connected").
 *
 * <p>The scheduler only decides <em>when</em>; its tasks capture the address and generation they were
 * scheduled with, so no property is read off the FX thread, and a result for an address the user has
 * since replaced is dropped.
 */
public final class ConnectionViewModel {

    /** What the status bar and the banner say, from the server's health and the desk's live status. */
    public enum State {
        /** Not asked yet, or no answer yet. */
        CHECKING,
        /** The server does not answer. */
        UNREACHABLE,
        /** The server answers; the desk's live picture is starting (no banner: it takes a moment). */
        STARTING,
        /** The server answers but the desk's live stream or snapshot failed and is retrying. */
        RECONNECTING,
        /** The sign-in has ended: only signing in again helps. */
        SIGN_IN_ENDED,
        /** The server answers and the desk (if any) is live. */
        CONNECTED
    }

    private final BackgroundExecutor background;
    private final ScheduledExecutorService scheduler;
    private final HealthClient health;
    private final ReconnectPolicy policy;
    private final ResourceBundle messages;

    private final ReadOnlyBooleanWrapper serverReachable = new ReadOnlyBooleanWrapper(this, "serverReachable", false);
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked", false);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<URI> server = new ReadOnlyObjectWrapper<>(this, "server");
    private final ReadOnlyObjectWrapper<LiveStatus> live = new ReadOnlyObjectWrapper<>(this, "live", LiveStatus.OFF);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CHECKING);
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ChangeListener<LiveStatus> liveListener = (o, before, now) -> live.set(now);
    private ObservableValue<LiveStatus> followed;
    private Duration lastRetry = Duration.ZERO;
    private final BooleanBinding bannerVisible;

    private long generation;
    private int failures;
    private ScheduledFuture<?> nextCheck;

    public ConnectionViewModel(BackgroundExecutor background, ScheduledExecutorService scheduler,
                               HealthClient health, ReconnectPolicy policy, ResourceBundle messages) {
        this.background = background;
        this.scheduler = scheduler;
        this.health = health;
        this.policy = policy;
        this.messages = messages;
        // Hidden until the first answer, so a healthy start never flashes the red banner; and while a desk
        // starts its live picture (it takes a moment), not after it lost it.
        this.bannerVisible = Bindings.createBooleanBinding(() -> switch (state.get()) {
            case UNREACHABLE, RECONNECTING, SIGN_IN_ENDED -> true;
            case CHECKING, STARTING, CONNECTED -> false;
        }, state);
        checked.addListener(o -> update());
        serverReachable.addListener(o -> update());
        live.addListener(o -> update());
        statusText.set(messages.getString("connection.status.idle"));
        bannerText.set(messages.getString("connection.banner"));
    }

    /** A desk's live status joins the server's health (null: no desk, e.g. the sign-in screen). */
    public void follow(ObservableValue<LiveStatus> liveStatus) {
        if (followed != null) {
            followed.removeListener(liveListener);
        }
        followed = liveStatus;
        if (liveStatus != null) {
            liveStatus.addListener(liveListener);
        }
        live.set(liveStatus == null ? LiveStatus.OFF : liveStatus.getValue());
    }

    private void update() {
        URI address = server.get();
        State now;
        if (live.get() == LiveStatus.SIGN_IN_ENDED) {
            now = State.SIGN_IN_ENDED;
        } else if (!checked.get()) {
            now = State.CHECKING;
        } else if (!serverReachable.get()) {
            now = State.UNREACHABLE;
        } else {
            now = switch (live.get()) {
                case STARTING -> State.STARTING;
                case RECONNECTING -> State.RECONNECTING;
                default -> State.CONNECTED;
            };
        }
        state.set(now);
        if (address == null) {
            return;
        }
        statusText.set(switch (now) {
            case CHECKING -> format("connection.status.checking", address);
            case UNREACHABLE -> format("connection.status.retrying", address, seconds(lastRetry));
            case STARTING -> format("connection.status.starting", address);
            case RECONNECTING -> format("connection.status.reconnecting", address);
            case SIGN_IN_ENDED -> format("connection.status.signInEnded", address);
            case CONNECTED -> format("connection.status.connected", address);
        });
        bannerText.set(switch (now) {
            case RECONNECTING -> messages.getString("connection.banner.reconnecting");
            case SIGN_IN_ENDED -> messages.getString("connection.banner.signInEnded");
            default -> messages.getString("connection.banner");
        });
    }

    /** Starts watching {@code address} (replacing any previous one) with a check right away. */
    public void connect(URI address) {
        Objects.requireNonNull(address, "address");
        cancelNextCheck();
        generation++;
        failures = 0;
        server.set(address);
        checked.set(false);
        serverReachable.set(false);
        update();
        check(generation, address);
    }

    /** Stops checking; a check already running is ignored when it returns. */
    public void stop() {
        cancelNextCheck();
        generation++;
    }

    private void check(long forGeneration, URI address) {
        background.run(() -> health.check(address),
                status -> onAnswer(forGeneration, address, status),
                error -> onAnswer(forGeneration, address, null));
    }

    private void onAnswer(long forGeneration, URI address, HealthStatus status) {
        if (forGeneration != generation) {
            return;
        }
        Duration delay;
        if (status != null && status.up()) {
            failures = 0;
            delay = policy.pollInterval();
            serverReachable.set(true);
        } else {
            failures++;
            delay = policy.retryDelay(failures);
            lastRetry = delay;
            serverReachable.set(false);
        }
        checked.set(true);
        update();
        schedule(forGeneration, address, delay);
    }

    private void schedule(long forGeneration, URI address, Duration delay) {
        nextCheck = scheduler.schedule(() -> check(forGeneration, address), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelNextCheck() {
        if (nextCheck != null) {
            nextCheck.cancel(false);
            nextCheck = null;
        }
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(messages.getString(key), messages.getLocale()).format(arguments);
    }

    private static double seconds(Duration delay) {
        return delay.toMillis() / 1000.0;
    }

    public ReadOnlyBooleanProperty serverReachableProperty() {
        return serverReachable.getReadOnlyProperty();
    }

    public boolean isServerReachable() {
        return serverReachable.get();
    }

    /** True once the server has been asked at least once and did not answer. */
    public BooleanBinding bannerVisibleProperty() {
        return bannerVisible;
    }

    /** What the banner says (shown while {@link #bannerVisibleProperty} is true). */
    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public String getStatusText() {
        return statusText.get();
    }

    public ReadOnlyObjectProperty<URI> serverProperty() {
        return server.getReadOnlyProperty();
    }
}
