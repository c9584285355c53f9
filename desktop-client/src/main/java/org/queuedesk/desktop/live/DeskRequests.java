package org.queuedesk.desktop.live;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.queuedesk.desktop.api.IdempotencyKeys;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * A desk's requests that change something, on the background seam: each goes under an idempotency key that is
 * kept until the server answered, so an unanswered one sent again can never act twice, and the desk is busy
 * while one is on its way (its buttons are disabled, a double press sends one request).
 */
public final class DeskRequests {

    /** The request itself, given the idempotency key of its action. */
    @FunctionalInterface
    public interface Call<T> {
        T call(String idempotencyKey) throws Exception;
    }

    private final BackgroundExecutor background;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    public DeskRequests(BackgroundExecutor background) {
        this.background = background;
    }

    /**
     * Sends {@code call} for {@code action} (what it does, to what: the same action gets the same key until
     * answered); then {@code done} or {@code failed} on the UI thread, once the desk is no longer busy.
     */
    public <T> void send(String action, Call<T> call, Consumer<? super T> done, Consumer<Throwable> failed) {
        String key = keys.keyFor(action);
        busy.set(true);
        background.run(() -> call.call(key), result -> {
            keys.settled(action);
            busy.set(false);
            done.accept(result);
        }, error -> {
            keys.settledUnlessUnanswered(action, error);
            busy.set(false);
            failed.accept(error);
        });
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
