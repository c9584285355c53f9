package org.queuedesk.desktop.ground;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Runs work on a small daemon pool and hands results back through {@code Platform.runLater}. */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {

    private final ExecutorService pool;
    private final Executor uiThread;

    public FxBackgroundExecutor(int threads) {
        this(Executors.newFixedThreadPool(threads, daemonThreads("queuedesk-background-")), Platform::runLater);
    }

    FxBackgroundExecutor(ExecutorService pool, Executor uiThread) {
        this.pool = pool;
        this.uiThread = uiThread;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            return; // the app is closing: a late callback (a print finishing, a timer) has no screen left to tell
        }
        try {
            pool.execute(() -> call(work, onSuccess, onFailure));
        } catch (RejectedExecutionException closedMeanwhile) {
            // closed between the check and the hand-over: the same as above
        }
    }

    private <T> void call(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            uiThread.execute(() -> onFailure.accept(e));
            return;
        }
        uiThread.execute(() -> onSuccess.accept(result));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Daemon threads, so a forgotten task never keeps the app alive after its window closed. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
