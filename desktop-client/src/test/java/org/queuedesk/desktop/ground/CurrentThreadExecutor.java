package org.queuedesk.desktop.ground;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its callback right away on the calling thread: view-model tests need no toolkit. */
public final class CurrentThreadExecutor implements BackgroundExecutor {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
