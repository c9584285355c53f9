package org.queuedesk.server.site;

import io.javalin.http.Context;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.server.ground.Requests;

/** HTTP for sites, services and rooms; one line per handler, the work is in {@link SiteService}. */
public final class SiteController {

    private final SiteService sites;

    public SiteController(SiteService sites) {
        this.sites = sites;
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
}
