package org.queuedesk.desktop.ground;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one seam for background work. Production runs {@code work} on a pool and calls back on the
 * JavaFX thread; tests run everything on the calling thread, so view-models are tested without a
 * toolkit and without sleeps.
 */
public interface BackgroundExecutor {

    /** Runs {@code work} off the UI thread, then exactly one of the callbacks on the UI thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
