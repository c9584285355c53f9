package org.queuedesk.server.site;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.common.site.DefaultServiceMinutesRequest;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.common.site.ServiceDefaultsDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.site.ServiceSettingsRequest;
import org.queuedesk.common.site.SiteSettingsDto;
import org.queuedesk.common.site.SiteSettingsRequest;
import org.queuedesk.server.ground.Fields;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Port;

/** Sites, their services and rooms. Lookups that miss are 404s naming what was asked for. */
@Port
public final class SiteService {

    /** The languages patients can choose (kiosk, board, status page, text messages). */
    public static final List<String> LANGUAGES = List.of("en", "es", "ar");
    private final Database db;
    private final SitePorts ports;

    /** Without the settings' checks and audit: for simulations that never change settings. */
    public SiteService(Database db) {
        this(db, SitePorts.NONE);
    }

    public SiteService(Database db, SitePorts ports) {
        this.db = db;
        this.ports = ports;
    }

    public List<SiteDto> sites() {
        return db.read(h -> h.attach(SiteDao.class).sites());
    }

    public SiteDto site(long id) {
        return db.read(h -> site(h, id));
    }

    private static SiteDto site(org.jdbi.v3.core.Handle h, long id) {
        return h.attach(SiteLookupDao.class).site(id)
                .orElseThrow(() -> ApiProblem.notFound("There is no site " + id + "."));
    }

    public ZoneId zoneOf(long siteId) {
        return ZoneId.of(site(siteId).timeZone());
    }

    /** {@link #zoneOf(long)} on a read the caller already holds: one connection and handle for a request's reads. */
    public ZoneId zoneOf(org.jdbi.v3.core.Handle h, long siteId) {
        return ZoneId.of(site(h, siteId).timeZone());
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
        CreateSiteValidator.validate(request);
        String name = request.name().strip();
        String zone = request.timeZone().strip();
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
        CreateServiceValidator.validate(request);
        String name = request.name().strip();
        String prefix = request.prefix().strip().toUpperCase(java.util.Locale.ROOT);
        int almost = request.almostTurnPosition() == null ? 3 : request.almostTurnPosition();
        Map<String, String> names = names(request.names());
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
        CreateRoomValidator.validate(request);
        String name = request.name().strip();
        Map<String, String> names = names(request.names());
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
        NamesValidator.validate(request, CreateServiceValidator.MAX_NAME);
        Map<String, String> names = names(request.names());
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            dao.service(serviceId).orElseThrow(() -> ApiProblem.notFound("There is no service " + serviceId + "."));
            dao.deleteServiceNames(serviceId);
            names.forEach((language, local) -> dao.insertServiceName(serviceId, language, local));
            SiteCatalog.serviceChanged(tx, serviceId);
            return dao.namedService(serviceId).orElseThrow();
        });
    }

    /** Sets the service time the wait estimate assumes at a service before it has measured any. */
    public ServiceDefaultsDto setDefaultServiceMinutes(long serviceId, DefaultServiceMinutesRequest request) {
        DefaultServiceMinutesValidator.validate(request);
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            if (dao.setDefaultServiceMinutes(serviceId, request.minutes()) != 1) {
                throw ApiProblem.notFound("There is no service " + serviceId + ".");
            }
            return new ServiceDefaultsDto(serviceId, request.minutes());
        });
    }

    public SiteSettingsDto settings(long siteId) {
        return db.read(h -> h.attach(SiteDao.class).settings(siteId)).map(this::settingsOf)
                .orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
    }

    /**
     * Replaces a site's time zone, phone region and retention (README "Site settings"). The time zone changes only
     * while no ticket of the site is open: the day a ticket belongs to, its number's counter and the day's end are
     * all counted in the site's zone, so moving it under a waiting patient would split that day in two.
     */
    public SiteSettingsDto setSettings(long siteId, SiteSettingsRequest request, String actor) {
        SiteSettingsValidator.validate(request);
        String zone = request.timeZone().strip();
        String region = Fields.given(request.phoneRegion()) ? request.phoneRegion().strip().toUpperCase(Locale.ROOT) : null;
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            var before = dao.settings(siteId).orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
            var after = new SiteDao.SettingsRow(siteId, zone, region, request.retentionDays());
            if (after.equals(before)) {
                return settingsOf(before); // a repeated PUT changes nothing and records nothing
            }
            if (!zone.equals(before.timeZone())) {
                long open = ports.openTickets().count(tx, siteId);
                if (open > 0) {
                    throw ApiProblem.conflictField("timeZone", "cannot change while " + open + " ticket(s) of this site are"
                            + " still open (waiting, called, being served or no-show): change it after the day's queue has"
                            + " ended, when no ticket is open.");
                }
            }
            dao.setSettings(siteId, zone, region, request.retentionDays());
            SiteCatalog.siteChanged(tx, siteId);
            ports.audit().record(tx, actor, "site.settings", "site " + siteId, changes(before, after));
            return settingsOf(after);
        });
    }

    /**
     * Replaces a service's prefix and almost-turn position. Tickets issued from then on carry the new prefix (the
     * day's counter goes on); tickets already issued keep their number.
     */
    public ServiceDto setServiceSettings(long serviceId, ServiceSettingsRequest request, String actor) {
        ServiceSettingsValidator.validate(request);
        String prefix = request.prefix().strip().toUpperCase(Locale.ROOT);
        int almost = request.almostTurnPosition();
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            var before = dao.service(serviceId).orElseThrow(() -> ApiProblem.notFound("There is no service " + serviceId + "."));
            if (before.prefix().equals(prefix) && before.almostTurnPosition() == almost) {
                return dao.namedService(serviceId).orElseThrow();
            }
            if (dao.countOtherServicesWithPrefix(before.siteId(), serviceId, prefix) > 0) {
                throw ApiProblem.conflictField("prefix", "another service of this site already has the prefix '" + prefix
                        + "'; choose one no other service uses.");
            }
            dao.setServiceSettings(serviceId, prefix, almost);
            SiteCatalog.serviceChanged(tx, serviceId);
            ports.audit().record(tx, actor, "service.settings", "service " + serviceId,
                    "prefix " + before.prefix() + " -> " + prefix + ", almost-turn position "
                            + before.almostTurnPosition() + " -> " + almost);
            return dao.namedService(serviceId).orElseThrow();
        });
    }

    private SiteSettingsDto settingsOf(SiteDao.SettingsRow row) {
        int effective = row.retentionDays() == null ? ports.defaultRetentionDays() : row.retentionDays();
        return new SiteSettingsDto(row.id(), row.timeZone(), row.phoneRegion(), row.retentionDays(), effective);
    }

    private static String changes(SiteDao.SettingsRow before, SiteDao.SettingsRow after) {
        var changed = new java.util.ArrayList<String>();
        if (!after.timeZone().equals(before.timeZone())) {
            changed.add("time zone " + before.timeZone() + " -> " + after.timeZone());
        }
        if (!java.util.Objects.equals(before.phoneRegion(), after.phoneRegion())) {
            changed.add("phone region " + orNone(before.phoneRegion()) + " -> " + orNone(after.phoneRegion()));
        }
        if (!java.util.Objects.equals(before.retentionDays(), after.retentionDays())) {
            changed.add("retention days " + orNone(before.retentionDays()) + " -> " + orNone(after.retentionDays()));
        }
        return String.join(", ", changed);
    }

    private static String orNone(Object value) {
        return value == null ? "default" : value.toString();
    }

    /** Replaces a room's names in other languages. */
    public RoomDto setRoomNames(long roomId, NamesRequest request) {
        NamesValidator.validate(request, CreateRoomValidator.MAX_NAME);
        Map<String, String> names = names(request.names());
        return db.write(tx -> {
            var dao = tx.attach(SiteDao.class);
            dao.room(roomId).orElseThrow(() -> ApiProblem.notFound("There is no room " + roomId + "."));
            dao.deleteRoomNames(roomId);
            names.forEach((language, local) -> dao.insertRoomName(roomId, language, local));
            return dao.namedRoom(roomId).orElseThrow();
        });
    }

    /** Names per language as stored (checked by {@link NamesValidator}); an empty name is left out. */
    private static Map<String, String> names(Map<String, String> requested) {
        var names = new java.util.TreeMap<String, String>();
        if (requested != null) {
            requested.forEach((language, name) -> {
                if (name != null && !name.isBlank()) {
                    names.put(language.strip().toLowerCase(java.util.Locale.ROOT), name.strip());
                }
            });
        }
        return names;
    }
}
