package org.queuedesk.server.backup;

import static org.queuedesk.server.ground.Roles.ADMINS;

import io.javalin.http.Context;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** HTTP for backups: an admin takes one now (besides the schedule) and gets its manifest. */
public final class BackupController implements RouteSource {

    private final Backups backups;

    public BackupController(Backups backups) {
        this.backups = backups;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/api/admin/backup", ADMINS, "Back up the database and key files now into --backup-dir;"
                + " returns the backup's manifest (409 when no --backup-dir is set)", null, BackupManifest.class,
                this::backUp);
    }

    public void backUp(Context ctx) {
        ctx.json(backups.backUp(Requests.actor(ctx)));
    }
}
