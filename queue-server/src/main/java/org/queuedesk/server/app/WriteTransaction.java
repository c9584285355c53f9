package org.queuedesk.server.app;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** An open write transaction, and what must happen once it has committed. */
public record WriteTransaction(Handle handle, List<Runnable> afterCommit) {

    public <T> T attach(Class<T> dao) {
        return handle.attach(dao);
    }

    /** Runs {@code action} only if and when this transaction commits. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }
}
