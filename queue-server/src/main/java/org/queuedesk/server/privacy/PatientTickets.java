package org.queuedesk.server.privacy;

import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.ground.Port;

/** The tickets themselves: which ones past the retention still hold a name or phone, and forgetting them. */
@Port
public interface PatientTickets extends PersonalDataHolder {

    /** The site's next tickets issued before {@code cutoff} that still hold a name or phone, oldest first. */
    List<Long> withPersonalDataIssuedBefore(WriteTransaction tx, long siteId, Instant cutoff, int limit);
}
