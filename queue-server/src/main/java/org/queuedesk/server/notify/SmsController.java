package org.queuedesk.server.notify;

import io.javalin.http.Context;
import org.queuedesk.common.notify.SmsSiteSettingsDto;
import org.queuedesk.common.notify.SmsTemplateRequest;
import org.queuedesk.server.ground.Requests;

/** HTTP for text messages: a ticket's messages and link, a service's texts, a site's settings. */
public final class SmsController {

    private final SmsService sms;

    public SmsController(SmsService sms) {
        this.sms = sms;
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
