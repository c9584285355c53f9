package org.queuedesk.server.privacy;

import io.javalin.http.Context;
import org.queuedesk.server.ground.Requests;

/** HTTP for the personal data purge: an admin can run it now instead of waiting for the hourly one. */
public final class PrivacyController {

    private final PersonalDataPurge purge;

    public PrivacyController(PersonalDataPurge purge) {
        this.purge = purge;
    }

    public void purge(Context ctx) {
        ctx.json(purge.run(Requests.actor(ctx)));
    }
}
