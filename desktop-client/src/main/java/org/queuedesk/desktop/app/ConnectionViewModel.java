package org.queuedesk.desktop.app;

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
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.api.HealthStatus;

/**
 * Whether the queue server answers. Checks {@code GET /health} on the background seam: every poll
 * interval while it answers, with exponential backoff while it does not. All state changes happen in
 * the seam's callbacks (the FX thread in production), so views can bind to the properties directly.
 *
 * <p>The scheduler only decides <em>when</em>; its tasks capture the address and generation they were
 * scheduled with, so no property is read off the FX thread, and a result for an address the user has
 * since replaced is dropped.
 */
public final class ConnectionViewModel {

    private final BackgroundExecutor background;
    private final ScheduledExecutorService scheduler;
    private final HealthClient health;
    private final ReconnectPolicy policy;
    private final ResourceBundle messages;

    private final ReadOnlyBooleanWrapper serverReachable = new ReadOnlyBooleanWrapper(this, "serverReachable", false);
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked", false);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<URI> server = new ReadOnlyObjectWrapper<>(this, "server");
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
        // Hidden until the first answer, so a healthy start never flashes the red banner.
        this.bannerVisible = Bindings.createBooleanBinding(
                () -> checked.get() && !serverReachable.get(), checked, serverReachable);
        statusText.set(messages.getString("connection.status.idle"));
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
        statusText.set(format("connection.status.checking", address));
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
        checked.set(true);
        Duration delay;
        if (status != null && status.up()) {
            failures = 0;
            serverReachable.set(true);
            statusText.set(format("connection.status.connected", address));
            delay = policy.pollInterval();
        } else {
            failures++;
            serverReachable.set(false);
            delay = policy.retryDelay(failures);
            statusText.set(format("connection.status.retrying", address, seconds(delay)));
        }
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
