package org.queuedesk.server.site;

import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo clinic of the embedded default: one site, three services, four rooms. Added once. */
public final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    public static final String SITE_NAME = "Riverside Clinic";

    private DemoData() {
    }

    /** Returns the demo site's id, creating the site first if it is not there yet. */
    public static long ensure(SiteService sites, String timeZone) {
        var existing = sites.sites().stream().filter(s -> s.name().equals(SITE_NAME)).findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        var site = sites.createSite(new CreateSiteRequest(SITE_NAME, timeZone));
        sites.createService(site.id(), new CreateServiceRequest("General practice", "A", 3));
        sites.createService(site.id(), new CreateServiceRequest("Blood tests", "B", 3));
        sites.createService(site.id(), new CreateServiceRequest("Vaccination", "C", 2));
        for (int room = 1; room <= 4; room++) {
            sites.createRoom(site.id(), new CreateRoomRequest("Room " + room));
        }
        log.info("Demo data created: site '{}' (id {}) with 3 services and 4 rooms", SITE_NAME, site.id());
        return site.id();
    }
}
