package org.queuedesk.server.status;

import io.javalin.http.Context;
import org.queuedesk.server.ground.ApiProblem;

/** HTTP for the patient's status page: the page, its JSON, and its two buttons. Public, token-scoped. */
public final class StatusController {

    private final StatusService status;
    private final StatusPage page;

    public StatusController(StatusService status, StatusPage page) {
        this.status = status;
        this.page = page;
    }

    public void page(Context ctx) {
        String token = ctx.pathParam("token");
        pageHeaders(ctx);
        var view = status.view(token);
        if (view.isEmpty()) {
            if (!wantsHtml(ctx)) {
                throw ApiProblem.notFound("This link has expired or does not exist.");
            }
            // 410 rather than 404: the error mapping would replace a 404 page with the "no such route" problem
            ctx.status(410).html(page.expired(language(ctx.queryParam("lang"), status.languageOfExpired(token).orElse(null),
                    ctx.header("Accept-Language"))));
            return;
        }
        ctx.html(page.render(view.get(), token));
    }

    public void json(Context ctx) {
        ctx.json(status.view(ctx.pathParam("token"))
                .orElseThrow(() -> ApiProblem.notFound("This link has expired or does not exist.")));
    }

    public void cancel(Context ctx) {
        answer(ctx, status.cancel(ctx.pathParam("token")));
    }

    public void stopTexts(Context ctx) {
        answer(ctx, status.stopTexts(ctx.pathParam("token")));
    }

    /** A plain form post (no script) goes back to the page; the page's script gets the new view as JSON. */
    private static void answer(Context ctx, StatusView view) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html") && !accept.contains("application/json")) {
            ctx.redirect("/t/" + ctx.pathParam("token"), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        ctx.json(view);
    }

    private static void pageHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
    }

    private static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * The expired page's language: {@code ?lang=} (the live page reloads with its own), else the ticket's
     * (while its expired token is still kept), else the browser's Accept-Language in its order of
     * preference, else English.
     */
    static String language(String lang, String ticketLanguage, String acceptLanguage) {
        for (String chosen : new String[] {lang, ticketLanguage}) {
            if (chosen != null && PageTexts.LANGUAGES.contains(chosen.strip().toLowerCase(java.util.Locale.ROOT))) {
                return chosen.strip().toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (acceptLanguage != null) {
            try {
                for (var range : java.util.Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0];
                    if (range.getWeight() > 0 && PageTexts.LANGUAGES.contains(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return "en";
            }
        }
        return "en";
    }
}
