package org.queuedesk.server.idempotency;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.privacy.StoredReplies;

/** The replies kept for idempotent retries, for the personal data purge. */
public final class ReplyPersonalData implements StoredReplies {

    @Override
    public int deleteOlderThan(WriteTransaction tx, Instant cutoff, int limit) {
        return tx.attach(IdempotencyDao.class).deleteBatchOlderThan(cutoff, limit);
    }

    @Override
    public List<Reply> withPersonalData(Handle h, String after, int limit) {
        return h.attach(IdempotencyDao.class).repliesWithPersonalData(after, limit).stream()
                .map(r -> new Reply(r.idemKey(), r.response()))
                .toList();
    }

    @Override
    public int replace(WriteTransaction tx, Reply original, String scrubbed) {
        return tx.attach(IdempotencyDao.class).replaceReply(original.key(), original.text(), scrubbed);
    }
}
