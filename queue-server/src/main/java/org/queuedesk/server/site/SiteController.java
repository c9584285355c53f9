package org.queuedesk.server.site;

import static org.queuedesk.common.Role.DISPLAY;
import static org.queuedesk.common.Role.KIOSK;
import static org.queuedesk.server.ground.Roles.ADMINS;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Roles.with;
import static org.queuedesk.server.ground.Routes.listOf;

import io.javalin.http.Context;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.common.site.DefaultServiceMinutesRequest;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.common.site.ServiceDefaultsDto;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.site.ServiceSettingsRequest;
import org.queuedesk.common.site.SiteSettingsDto;
import org.queuedesk.common.site.SiteSettingsRequest;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** HTTP for sites, services and rooms; one line per handler, the work is in {@link SiteService}. */
public final class SiteController implements RouteSource {

    private final SiteService sites;

    public SiteController(SiteService sites) {
        this.sites = sites;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/api/sites", with(STAFF, KIOSK, DISPLAY), "List sites", listOf(SiteDto.class), this::listSites);
        routes.create("/api/sites", ADMINS, "Create a site", CreateSiteRequest.class, SiteDto.class, this::createSite);
        routes.get("/api/sites/{siteId}", with(STAFF, KIOSK, DISPLAY), "Get a site", SiteDto.class, this::getSite);
        routes.get("/api/sites/{siteId}/services", with(STAFF, KIOSK, DISPLAY), "List a site's services",
                listOf(ServiceDto.class), this::listServices);
        routes.create("/api/sites/{siteId}/services", ADMINS, "Create a service", CreateServiceRequest.class,
                ServiceDto.class, this::createService);
        routes.get("/api/sites/{siteId}/rooms", with(STAFF, DISPLAY), "List a site's rooms", listOf(RoomDto.class),
                this::listRooms);
        routes.create("/api/sites/{siteId}/rooms", ADMINS, "Create a room", CreateRoomRequest.class, RoomDto.class,
                this::createRoom);
        routes.put("/api/services/{serviceId}/names", ADMINS,
                "Set a service's names in other languages ({\"names\": {\"es\": …, \"ar\": …}}; left out: the default name)",
                NamesRequest.class, ServiceDto.class, this::setServiceNames);
        routes.put("/api/services/{serviceId}/default-service-minutes", ADMINS,
                "Set the minutes per patient a service's wait estimate assumes until it has measured times",
                DefaultServiceMinutesRequest.class, ServiceDefaultsDto.class, this::setDefaultServiceMinutes);
        routes.put("/api/services/{serviceId}/settings", ADMINS,
                "Set a service's ticket prefix (tickets issued from then on use it) and almost-turn position",
                ServiceSettingsRequest.class, ServiceDto.class, this::setServiceSettings);
        routes.get("/api/sites/{siteId}/settings", ADMINS, "A site's time zone, phone region and retention",
                SiteSettingsDto.class, this::siteSettings);
        routes.put("/api/sites/{siteId}/settings", ADMINS,
                "Set a site's time zone (refused while tickets are open), phone region and retention days",
                SiteSettingsRequest.class, SiteSettingsDto.class, this::setSiteSettings);
        routes.put("/api/rooms/{roomId}/names", ADMINS,
                "Set a room's names in other languages ({\"names\": {\"es\": …, \"ar\": …}}; left out: the default name)",
                NamesRequest.class, RoomDto.class, this::setRoomNames);
    }

    public void listSites(Context ctx) {
        ctx.json(sites.sites());
    }

    public void getSite(Context ctx) {
        ctx.json(sites.site(Requests.id(ctx, "siteId")));
    }

    public void createSite(Context ctx) {
        ctx.status(201).json(sites.createSite(Requests.body(ctx, CreateSiteRequest.class)));
    }

    public void listServices(Context ctx) {
        ctx.json(sites.services(Requests.id(ctx, "siteId")));
    }

    public void createService(Context ctx) {
        ctx.status(201).json(sites.createService(Requests.id(ctx, "siteId"), Requests.body(ctx, CreateServiceRequest.class)));
    }

    public void listRooms(Context ctx) {
        ctx.json(sites.rooms(Requests.id(ctx, "siteId")));
    }

    public void createRoom(Context ctx) {
        ctx.status(201).json(sites.createRoom(Requests.id(ctx, "siteId"), Requests.body(ctx, CreateRoomRequest.class)));
    }

    public void setServiceNames(Context ctx) {
        ctx.json(sites.setServiceNames(Requests.id(ctx, "serviceId"), Requests.body(ctx, NamesRequest.class)));
    }

    public void setRoomNames(Context ctx) {
        ctx.json(sites.setRoomNames(Requests.id(ctx, "roomId"), Requests.body(ctx, NamesRequest.class)));
    }

    private void setServiceSettings(Context ctx) {
        ctx.json(sites.setServiceSettings(Requests.id(ctx, "serviceId"), Requests.body(ctx, ServiceSettingsRequest.class),
                Requests.actor(ctx)));
    }

    private void siteSettings(Context ctx) {
        ctx.json(sites.settings(Requests.id(ctx, "siteId")));
    }

    private void setSiteSettings(Context ctx) {
        ctx.json(sites.setSettings(Requests.id(ctx, "siteId"), Requests.body(ctx, SiteSettingsRequest.class),
                Requests.actor(ctx)));
    }

    private void setDefaultServiceMinutes(Context ctx) {
        ctx.json(sites.setDefaultServiceMinutes(Requests.id(ctx, "serviceId"),
                Requests.body(ctx, DefaultServiceMinutesRequest.class)));
    }
}
