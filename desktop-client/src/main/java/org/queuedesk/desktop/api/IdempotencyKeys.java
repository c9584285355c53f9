package org.queuedesk.desktop.api;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One idempotency key per user action. A request whose outcome is unknown (the connection broke) keeps
 * its key, so retrying the same action can never issue a second ticket or call a second patient; once
 * the server has answered (yes or no) the action is settled and its next attempt is a new action.
 * Used on the FX thread only.
 */
public final class IdempotencyKeys {

    private final Map<String, String> pending = new HashMap<>();
    private final Supplier<String> newKey;

    public IdempotencyKeys() {
        this(() -> UUID.randomUUID().toString());
    }

    public IdempotencyKeys(Supplier<String> newKey) {
        this.newKey = newKey;
    }

    /** The key for {@code action}: the same one as the last unsettled attempt of the same action. */
    public String keyFor(String action) {
        return pending.computeIfAbsent(action, a -> newKey.get());
    }

    /** The server answered; the next attempt of this action is a new one. */
    public void settled(String action) {
        pending.remove(action);
    }

    /** Settles the action unless the failure left its outcome unknown (no answer from the server). */
    public void settledUnlessUnanswered(String action, Throwable failure) {
        if (failure instanceof ApiException) {
            settled(action);
        }
    }
}
