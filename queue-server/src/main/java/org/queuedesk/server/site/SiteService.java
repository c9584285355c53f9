package org.queuedesk.server.site;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.app.ApiProblem;
import org.queuedesk.server.app.Database;

/** Sites, their services and rooms (F1). Lookups that miss are 404s naming what was asked for. */
public final class SiteService {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,3}");
    private final Database db;

    public SiteService(Database db) {
        this.db = db;
    }

    public List<SiteDto> sites() {
        return db.read(h -> h.attach(SiteDao.class).sites());
    }

    public SiteDto site(long id) {
        return db.read(h -> h.attach(SiteDao.class).site(id))
                .orElseThrow(() -> ApiProblem.notFound("There is no site " + id + "."));
    }

    public ZoneId zoneOf(long siteId) {
        return ZoneId.of(site(siteId).timeZone());
    }

    public List<ServiceDto> services(long siteId) {
        site(siteId);
        return db.read(h -> h.attach(SiteDao.class).services(siteId));
    }

    public ServiceDto service(long id) {
        return db.read(h -> h.attach(SiteDao.class).service(id))
                .orElseThrow(() -> ApiProblem.notFound("There is no service " + id + "."));
    }

    public java.util.Optional<ServiceDto> findService(long id) {
        return db.read(h -> h.attach(SiteDao.class).service(id));
    }

    public List<RoomDto> rooms(long siteId) {
        site(siteId);
        return db.read(h -> h.attach(SiteDao.class).rooms(siteId));
    }

    public RoomDto room(long id) {
        return db.read(h -> h.attach(SiteDao.class).room(id))
                .orElseThrow(() -> ApiProblem.notFound("There is no room " + id + "."));
    }

    public SiteDto createSite(CreateSiteRequest request) {
        String name = requireText("name", request.name(), 80);
        String zone = requireText("timeZone", request.timeZone(), 64);
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("timeZone", "'" + zone + "' is not a time zone; use a name like Europe/Madrid.");
        }
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            if (dao.countSitesNamed(name) > 0) {
                throw ApiProblem.conflict("A site named '" + name + "' already exists.");
            }
            return dao.insertSite(name, zone);
        });
    }

    public ServiceDto createService(long siteId, CreateServiceRequest request) {
        site(siteId);
        String name = requireText("name", request.name(), 80);
        String prefix = requireText("prefix", request.prefix(), 3).toUpperCase(java.util.Locale.ROOT);
        if (!PREFIX.matcher(prefix).matches()) {
            throw ApiProblem.invalidField("prefix", "use one to three letters A-Z, e.g. 'A'.");
        }
        int almost = request.almostTurnPosition() == null ? 3 : request.almostTurnPosition();
        if (almost < 0 || almost > 50) {
            throw ApiProblem.invalidField("almostTurnPosition", "must be between 0 and 50.");
        }
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            if (dao.countClashingServices(siteId, name, prefix) > 0) {
                throw ApiProblem.conflict("This site already has a service named '" + name + "' or with prefix '" + prefix + "'.");
            }
            return dao.insertService(siteId, name, prefix, almost);
        });
    }

    public RoomDto createRoom(long siteId, CreateRoomRequest request) {
        site(siteId);
        String name = requireText("name", request.name(), 40);
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            if (dao.countRoomsNamed(siteId, name) > 0) {
                throw ApiProblem.conflict("This site already has a room named '" + name + "'.");
            }
            return dao.insertRoom(siteId, name);
        });
    }

    static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalidField(field, "is required.");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw ApiProblem.invalidField(field, "must be at most " + maxLength + " characters.");
        }
        return trimmed;
    }
}
