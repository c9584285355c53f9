package org.queuedesk.server.privacy;

import static org.queuedesk.server.ground.Roles.ADMINS;

import io.javalin.http.Context;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** HTTP for the personal data purge: an admin can run it now instead of waiting for the hourly one. */
public final class PrivacyController implements RouteSource {

    private final PersonalDataPurge purge;

    public PrivacyController(PersonalDataPurge purge) {
        this.purge = purge;
    }

    /** Personal data past the retention: purged hourly; an admin can purge now and see the counts. */
    @Override
    public void routes(Routes routes) {
        routes.post("/api/admin/privacy/purge", ADMINS,
                "Purge patients' names and phone numbers older than the retention now; returns the counts", null,
                PurgeReport.class, this::purge);
    }

    public void purge(Context ctx) {
        ctx.json(purge.run(Requests.actor(ctx)));
    }
}
