package org.queuedesk.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.json.Problem;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * A desk's requests, from README "Idempotency": a request whose answer never came is sent again with the same
 * key (the server replays its first answer instead of acting twice); once the server answered, yes or no, the
 * next attempt is a new action with a new key. The desk is busy while a request is on its way.
 */
class DeskRequestsTest {

    /** Holds each piece of work until the test lets it finish: a request "on its way". */
    private static final class HeldExecutor implements BackgroundExecutor {
        private final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        void finishNext() {
            held.removeFirst().run();
        }
    }

    private final HeldExecutor background = new HeldExecutor();
    private final DeskRequests requests = new DeskRequests(background);
    private final List<String> keys = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();

    private void send(String action, Exception failure) {
        requests.send(action, key -> {
            keys.add(key);
            if (failure != null) {
                throw failure;
            }
            return "ok";
        }, outcomes::add, error -> outcomes.add("failed: " + error.getMessage()));
    }

    @Test
    void theDeskIsBusyWhileARequestIsOnItsWay() {
        send("next:1:0", null);
        assertThat(requests.busyProperty().get()).isTrue();

        background.finishNext();

        assertThat(requests.isBusy()).isFalse();
        assertThat(outcomes).containsExactly("ok");
    }

    @Test
    void anUnansweredRequestIsSentAgainUnderTheSameKey() {
        send("next:1:0", new IOException("connection reset"));
        background.finishNext();
        send("next:1:0", null);
        background.finishNext();

        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(outcomes).containsExactly("failed: connection reset", "ok");
        assertThat(requests.isBusy()).isFalse();
    }

    @Test
    void onceTheServerAnsweredTheNextAttemptIsANewAction() {
        send("cancel:7", new ApiException(409, new Problem(null, "Conflict", 409, "already cancelled", null, null, null)));
        background.finishNext();
        send("cancel:7", null);
        background.finishNext();
        send("cancel:7", null);
        background.finishNext();

        assertThat(keys).doesNotHaveDuplicates().hasSize(3);
    }
}
