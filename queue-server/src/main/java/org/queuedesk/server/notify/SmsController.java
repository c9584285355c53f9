package org.queuedesk.server.notify;

import static org.queuedesk.common.Role.KIOSK;
import static org.queuedesk.server.ground.Roles.ADMINS;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Roles.with;
import static org.queuedesk.server.ground.Routes.listOf;

import io.javalin.http.Context;
import org.queuedesk.common.notify.SmsSiteSettingsDto;
import org.queuedesk.common.notify.SmsTemplateRequest;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.common.notify.SmsTemplateDto;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** HTTP for text messages: a ticket's messages and link, a service's texts, a site's settings. */
public final class SmsController implements RouteSource {

    private final SmsService sms;

    public SmsController(SmsService sms) {
        this.sms = sms;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/api/tickets/{ticketId}/sms", STAFF, "A ticket's text messages and their delivery state",
                TicketSmsDto.class, this::ticketSms);
        routes.get("/api/tickets/{ticketId}/status-link", with(STAFF, KIOSK),
                "The patient's status page link of a ticket (for a QR code)", StatusLinkDto.class, this::statusLink);
        routes.get("/api/services/{serviceId}/sms-texts", STAFF, "A service's text messages in every language",
                listOf(SmsTemplateDto.class), this::texts);
        routes.post("/api/services/{serviceId}/sms-texts", ADMINS, "Set (or, with empty text, reset) one text of a service",
                SmsTemplateRequest.class, SmsTemplateDto.class, this::saveText);
        routes.get("/api/sites/{siteId}/sms-settings", STAFF, "A site's phone region and message language",
                SmsSiteSettingsDto.class, this::siteSettings);
        routes.post("/api/sites/{siteId}/sms-settings", ADMINS, "Set a site's phone region and message language",
                SmsSiteSettingsDto.class, SmsSiteSettingsDto.class, this::saveSiteSettings);
    }

    public void ticketSms(Context ctx) {
        ctx.json(sms.forTicket(Requests.id(ctx, "ticketId")));
    }

    public void statusLink(Context ctx) {
        ctx.json(sms.statusLink(Requests.id(ctx, "ticketId"), org.queuedesk.server.ground.AccessCheck.principal(ctx)));
    }

    public void texts(Context ctx) {
        ctx.json(sms.texts(Requests.id(ctx, "serviceId")));
    }

    public void saveText(Context ctx) {
        ctx.json(sms.saveText(Requests.id(ctx, "serviceId"), Requests.body(ctx, SmsTemplateRequest.class)));
    }

    public void siteSettings(Context ctx) {
        ctx.json(sms.siteSettings(Requests.id(ctx, "siteId")));
    }

    public void saveSiteSettings(Context ctx) {
        ctx.json(sms.saveSiteSettings(Requests.id(ctx, "siteId"), Requests.body(ctx, SmsSiteSettingsDto.class)));
    }
}
