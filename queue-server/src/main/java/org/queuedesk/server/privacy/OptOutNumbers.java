package org.queuedesk.server.privacy;

import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.ground.Port;

/** Opt-outs written before version 5 still hold the number; the purge replaces it with its keyed hash. */
@Port
public interface OptOutNumbers {

    /** Up to {@code limit} numbers still stored in the clear. */
    List<String> unhashed(WriteTransaction tx, int limit);

    /** Keeps the opt-out under the number's hash and removes the number. */
    void replaceWithHash(WriteTransaction tx, String phone, String phoneHash);
}
