package org.queuedesk.server.online;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Keeps other sites from posting the patients' forms (which send texts and take tickets): the page sets a
 * random token in a {@code SameSite=Strict}, HttpOnly cookie and in each form; a post must carry both, equal,
 * and must not come from another origin ({@code Origin}, {@code Sec-Fetch-Site}). Another site can neither
 * read the cookie nor make the browser send it along.
 */
final class FormGuard {

    static final String COOKIE = "qd_form";
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}");
    private final SecureRandom random = new SecureRandom();
    private final Supplier<String> publicUrl;
    private final String path;

    FormGuard(Supplier<String> publicUrl) {
        this(publicUrl, "/p");
    }

    /** A guard whose cookie goes only to the pages under {@code path} ({@code /p}, or {@code /m} for manage links). */
    FormGuard(Supplier<String> publicUrl, String path) {
        this.publicUrl = publicUrl;
        this.path = path;
    }

    /** The browser's form token, set now if it has none (or a malformed one). */
    String token(Context ctx) {
        String current = ctx.cookie(COOKIE);
        if (current != null && SHAPE.matcher(current).matches()) {
            return current;
        }
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        boolean secure = publicUrl.get().startsWith("https:");
        ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
        return token;
    }

    /** @throws Refused (403) for a post from another site, or without the page's token */
    void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !"null".equals(origin) && !sameOrigin(origin, ctx.host())) {
            throw crossSite();
        }
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            throw crossSite();
        }
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam("form");
        if (cookie == null || field == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                field.getBytes(StandardCharsets.UTF_8))) {
            throw crossSite();
        }
    }

    /** The page's own host, as the browser reached it or as {@code --public-url} names it (behind a proxy). */
    private boolean sameOrigin(String origin, String host) {
        try {
            String authority = URI.create(origin).getAuthority();
            return authority != null && (authority.equalsIgnoreCase(host)
                    || authority.equalsIgnoreCase(URI.create(publicUrl.get()).getAuthority()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Refused crossSite() {
        return new Refused(403, "cross_site", null, "This form was sent from another site, or without the page's"
                + " form token (its cookie expired?); open /p/{siteId} again and send the form from there.");
    }
}
