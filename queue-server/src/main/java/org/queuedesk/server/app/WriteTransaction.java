package org.queuedesk.server.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * An open write transaction, and what must happen once it has committed. DAOs attached to it are kept for
 * the whole group commit: attaching is the costliest part of a short statement, and the writer is one thread.
 */
public record WriteTransaction(Handle handle, List<Runnable> afterCommit, Map<Class<?>, Object> daos) {

    public WriteTransaction(Handle handle, List<Runnable> afterCommit) {
        this(handle, afterCommit, new HashMap<>());
    }

    public <T> T attach(Class<T> dao) {
        return dao.cast(daos.computeIfAbsent(dao, handle::attach));
    }

    /**
     * An after-commit action that gathers work as the transaction goes on (e.g. the events to publish). A
     * write nested in this one may add to it and then be undone; the action forgets what that write added.
     */
    public interface Gathering extends Runnable {

        /** How much it holds now. */
        int mark();

        /** Forgets everything added after {@code mark}. */
        void forgetAfter(int mark);
    }

    /** Runs {@code action} only if and when this transaction commits. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }
}
