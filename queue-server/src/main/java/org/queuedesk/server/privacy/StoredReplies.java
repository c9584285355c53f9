package org.queuedesk.server.privacy;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.ground.Port;

/** Replies kept for idempotent retries, which can show a ticket with its name and phone. */
@Port
public interface StoredReplies {

    /** Deletes up to {@code limit} replies stored before {@code cutoff}; returns how many. */
    int deleteOlderThan(WriteTransaction tx, Instant cutoff, int limit);

    /** Replies that may show a name or phone, in key order after {@code after}. */
    List<Reply> withPersonalData(Handle h, String after, int limit);

    /** Replaces a reply's text unless it changed since it was read; returns 1 when replaced. */
    int replace(WriteTransaction tx, Reply original, String scrubbed);

    /** One stored reply as text. */
    record Reply(String key, String text) {
    }
}
