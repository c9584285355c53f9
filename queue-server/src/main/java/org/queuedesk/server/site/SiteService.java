package org.queuedesk.server.site;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Port;

/** Sites, their services and rooms. Lookups that miss are 404s naming what was asked for. */
@Port
public final class SiteService {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,3}");
    /** The languages patients can choose (kiosk, board, status page, text messages). */
    public static final List<String> LANGUAGES = List.of("en", "es", "ar");
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
        return db.read(h -> h.attach(SiteDao.class).namedService(id))
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
        return db.read(h -> h.attach(SiteDao.class).namedRoom(id))
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
        Map<String, String> names = names(request.names(), 80);
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            if (dao.countClashingServices(siteId, name, prefix) > 0) {
                throw ApiProblem.conflict("This site already has a service named '" + name + "' or with prefix '" + prefix + "'.");
            }
            long id = dao.insertService(siteId, name, prefix, almost).id();
            names.forEach((language, local) -> dao.insertServiceName(id, language, local));
            return dao.namedService(id).orElseThrow();
        });
    }

    public RoomDto createRoom(long siteId, CreateRoomRequest request) {
        site(siteId);
        String name = requireText("name", request.name(), 40);
        Map<String, String> names = names(request.names(), 40);
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            if (dao.countRoomsNamed(siteId, name) > 0) {
                throw ApiProblem.conflict("This site already has a room named '" + name + "'.");
            }
            long id = dao.insertRoom(siteId, name).id();
            names.forEach((language, local) -> dao.insertRoomName(id, language, local));
            return dao.namedRoom(id).orElseThrow();
        });
    }

    /** Replaces a service's names in other languages (a language left out shows the default name again). */
    public ServiceDto setServiceNames(long serviceId, NamesRequest request) {
        Map<String, String> names = names(required(request), 80);
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            dao.service(serviceId).orElseThrow(() -> ApiProblem.notFound("There is no service " + serviceId + "."));
            dao.deleteServiceNames(serviceId);
            names.forEach((language, local) -> dao.insertServiceName(serviceId, language, local));
            SiteCatalog.serviceChanged(tx, serviceId);
            return dao.namedService(serviceId).orElseThrow();
        });
    }

    /** Replaces a room's names in other languages. */
    public RoomDto setRoomNames(long roomId, NamesRequest request) {
        Map<String, String> names = names(required(request), 40);
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            dao.room(roomId).orElseThrow(() -> ApiProblem.notFound("There is no room " + roomId + "."));
            dao.deleteRoomNames(roomId);
            names.forEach((language, local) -> dao.insertRoomName(roomId, language, local));
            return dao.namedRoom(roomId).orElseThrow();
        });
    }

    private static Map<String, String> required(NamesRequest request) {
        if (request.names() == null) {
            throw ApiProblem.invalidField("names", "is required: an object of language to name, e.g. {\"es\": \"Consulta 1\"}.");
        }
        return request.names();
    }

    /** Checked names per language; an empty name means "none in this language" and is left out. */
    static Map<String, String> names(Map<String, String> requested, int maxLength) {
        var names = new java.util.TreeMap<String, String>();
        if (requested == null) {
            return names;
        }
        requested.forEach((language, name) -> {
            String code = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
            if (!LANGUAGES.contains(code)) {
                throw ApiProblem.invalidField("names", "'" + language + "' is not a language we show; use one of "
                        + LANGUAGES + ".");
            }
            if (name == null || name.isBlank()) {
                return;
            }
            if (name.strip().length() > maxLength) {
                throw ApiProblem.invalidField("names", "the " + code + " name must be at most " + maxLength + " characters.");
            }
            names.put(code, name.strip());
        });
        return names;
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
