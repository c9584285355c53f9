package org.queuedesk.server.auth;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.DeviceDto;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.common.auth.RegisteredDeviceDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.site.SiteDao;

/**
 * Kiosks and displays. An admin registers one and gets its token once; the server keeps only the token's
 * hash. A device acts only at its own site and only with its kind's rights; revoking it takes effect at
 * once, open live streams included.
 */
public final class Devices {

    static final String TOKEN_PREFIX = "qdd_";
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final AccessEnded accessEnded;

    public Devices(Database db, AuditLog audit, Clock clock, AccessEnded accessEnded) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.accessEnded = accessEnded;
    }

    public RegisteredDeviceDto register(RegisterDeviceRequest request, String actor) {
        RegisterDeviceValidator.validate(request);
        String name = request.name().strip();
        String kind = request.kind().strip();
        String token = Hashes.randomToken(TOKEN_PREFIX);
        return db.write(tx -> {
            if (tx.attach(SiteDao.class).site(request.siteId()).isEmpty()) {
                throw ApiProblem.unknownReference("siteId", "there is no site " + request.siteId() + ".");
            }
            var dao = tx.attach(AuthDao.class);
            if (dao.countDevicesNamed(request.siteId(), name) > 0) {
                throw ApiProblem.conflict("This site already has a device named '" + name + "'.");
            }
            long id = dao.insertDevice(request.siteId(), name, kind, Hashes.sha256(token), clock.instant());
            audit.record(tx, actor, "device.registered", kind + " " + id, name);
            return new RegisteredDeviceDto(dao.device(id).orElseThrow().toDto(), token);
        });
    }

    /** Registers a device with a known token; only for the documented demo devices. */
    void registerDemo(long siteId, String name, String kind, String token) {
        db.write(tx -> {
            var dao = tx.attach(AuthDao.class);
            if (dao.countDevicesNamed(siteId, name) == 0) {
                dao.insertDevice(siteId, name, kind, Hashes.sha256(token), clock.instant());
                audit.record(tx, "system", "device.registered", kind, name + " (demo)");
            }
            return null;
        });
    }

    /** Revokes at once: the device's next request is refused and its open streams close after the commit. */
    public DeviceDto revoke(long id, String actor) {
        return db.write(tx -> {
            var dao = tx.attach(AuthDao.class);
            var device = dao.device(id).orElseThrow(() -> ApiProblem.notFound("There is no device " + id + "."));
            if (dao.revokeDevice(id, clock.instant()) == 1) {
                audit.record(tx, actor, "device.revoked", device.kind() + " " + id, device.name());
                if (db.dialect() == org.queuedesk.server.ground.Dialect.POSTGRESQL) {
                    dao.announceAccessEnded(Auth.deviceEnded(id, device.kind())); // the other instances close its streams
                }
                tx.afterCommit(() -> accessEnded.ended(revoked(id), revokedReason(device.kind())));
            }
            return dao.device(id).orElseThrow().toDto();
        });
    }

    static java.util.function.Predicate<Principal> revoked(long id) {
        return p -> p.device() && Long.valueOf(id).equals(p.deviceId());
    }

    static String revokedReason(String kind) {
        return "This " + kind + " was revoked; an administrator can register it again.";
    }

    public List<DeviceDto> list() {
        return db.read(h -> h.attach(AuthDao.class).devices()).stream().map(DeviceRow::toDto).toList();
    }

    /** Whether a device (by id) is still registered and not revoked. */
    boolean active(long id) {
        return db.read(h -> h.attach(AuthDao.class).device(id)).map(d -> d.revokedAt() == null).orElse(false);
    }

    Optional<Principal> verify(String token) {
        return db.read(h -> h.attach(AuthDao.class).deviceByTokenHash(Hashes.sha256(token)))
                .map(d -> new Principal(d.kind() + ":" + d.name(),
                        EnumSet.of(d.kind().equals("kiosk") ? Role.KIOSK : Role.DISPLAY), true, d.siteId(), d.id()));
    }
}
