package org.queuedesk.server.online;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.queuedesk.common.online.RemoteJoiningDto;
import org.queuedesk.common.online.RemoteJoiningRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;

/** Which services take tickets from patients' phones: the admin's settings and the rule that reads them. */
public final class RemoteJoining {

    private final Database db;
    private final OnlinePorts ports;

    public RemoteJoining(Database db, OnlinePorts ports) {
        this.db = db;
        this.ports = ports;
    }

    /** One service's setting as stored; no row reads as closed. */
    public record Setting(long serviceId, boolean open, String opensAt, String closesAt, Integer maxWaiting) {

        static Setting closed(long serviceId) {
            return new Setting(serviceId, false, null, null, null);
        }

        RemoteJoiningDto toDto() {
            return new RemoteJoiningDto(serviceId, open, opensAt, closesAt, maxWaiting);
        }

        /** Open, and now within its hours at the site (closing time excluded). */
        boolean openAt(Instant now, ZoneId zone) {
            if (!open) {
                return false;
            }
            LocalTime time = now.atZone(zone).toLocalTime();
            return (opensAt == null || !time.isBefore(LocalTime.parse(opensAt)))
                    && (closesAt == null || time.isBefore(LocalTime.parse(closesAt)));
        }
    }

    public RemoteJoiningDto get(long serviceId) {
        ports.services().service(serviceId); // 404 for an unknown service
        return db.read(h -> setting(h, serviceId)).toDto();
    }

    public RemoteJoiningDto set(long serviceId, RemoteJoiningRequest request) {
        ports.services().service(serviceId);
        return db.write(tx -> {
            tx.attach(OnlineDao.class).saveSetting(serviceId, request.open(), blankToNull(request.opensAt()),
                    blankToNull(request.closesAt()), request.maxWaiting());
            return setting(tx.handle(), serviceId).toDto();
        });
    }

    /** "The clinic is full": every service of the site stops taking remote tickets now; hours and caps stay. */
    public List<RemoteJoiningDto> closeAll(long siteId) {
        ports.sites().site(siteId);
        return db.write(tx -> {
            var dao = tx.attach(OnlineDao.class);
            dao.closeAll(siteId);
            return dao.settings(siteId).stream().map(Setting::toDto).toList();
        });
    }

    /** The settings of a site's services that have one, by service. */
    java.util.Map<Long, Setting> settings(long siteId) {
        var all = new java.util.HashMap<Long, Setting>();
        db.read(h -> h.attach(OnlineDao.class).settings(siteId)).forEach(s -> all.put(s.serviceId(), s));
        return all;
    }

    static Setting setting(Handle h, long serviceId) {
        return h.attach(OnlineDao.class).setting(serviceId).orElse(Setting.closed(serviceId));
    }

    /**
     * Why a patient cannot take a ticket for the service now, or empty when they can: closed (or outside its
     * hours), or as many online tickets waiting as the cap allows.
     */
    static Optional<String> refusal(Handle h, long serviceId, Instant now, ZoneId zone, LocalDate today) {
        var setting = setting(h, serviceId);
        if (!setting.openAt(now, zone)) {
            return Optional.of("closed");
        }
        if (setting.maxWaiting() != null
                && h.attach(OnlineDao.class).onlineWaiting(serviceId, today) >= setting.maxWaiting()) {
            return Optional.of("full");
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static ApiProblem closedProblem() {
        return ApiProblem.conflict("This service does not take tickets from patients' phones now: ask at reception.");
    }
}
