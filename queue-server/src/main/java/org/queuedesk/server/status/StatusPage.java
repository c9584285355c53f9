package org.queuedesk.server.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The patient's status page: one server-rendered HTML document with its style and a little script inline
 * (no build step, nothing else to fetch). The script listens to {@code /t/{token}/events} (SSE) and
 * updates the same elements the server filled in; without script the page still shows the state and
 * its buttons still work as plain form posts. The HTML is in the templates {@code status-page.mustache}
 * and {@code expired-page.mustache} beside this class; Mustache escapes every value for HTML unless the
 * template asks for it raw, which it does only for the JSON the script reads.
 */
public final class StatusPage {

    private final PageTexts words;
    private final ObjectMapper json;
    private final Mustache page;
    private final Mustache expired;

    public StatusPage(PageTexts words, ObjectMapper json) {
        this.words = words;
        this.json = json;
        var templates = new DefaultMustacheFactory("org/queuedesk/server/status");
        this.page = templates.compile("status-page.mustache");
        this.expired = templates.compile("expired-page.mustache");
    }

    public String render(StatusView v, String token) {
        String lang = v.language();
        String base = "/t/" + token;
        var slots = common(lang);
        slots.put("view", v);
        slots.put("base", base);
        // a missing wait text hides its line; the script hides an empty one too
        slots.put("hasWait", v.waitText() != null);
        slots.put("initialJson", scriptJson(v));
        slots.put("baseJson", scriptJson(base));
        slots.put("offlineJson", scriptJson(words.get(lang, "offline")));
        slots.put("liveJson", scriptJson(words.get(lang, "live")));
        return fill(page, slots);
    }

    /** The page for a link that has expired or never existed. */
    public String expired(String language) {
        return fill(expired, common(PageTexts.LANGUAGES.contains(language) ? language : "en"));
    }

    /** The language, its direction and its words; a key's dots become underscores (Mustache reads dots as paths). */
    private Map<String, Object> common(String lang) {
        var texts = new HashMap<String, String>();
        words.all("en").keySet().forEach(key -> texts.put(key.replace('.', '_'), words.get(lang, key)));
        var slots = new HashMap<String, Object>();
        slots.put("lang", lang);
        slots.put("dir", PageTexts.rightToLeft(lang) ? "rtl" : "ltr");
        slots.put("words", texts);
        return slots;
    }

    private static String fill(Mustache template, Map<String, Object> slots) {
        var out = new StringWriter(8192);
        template.execute(out, slots);
        return out.toString();
    }

    /** JSON safe inside a script element: no "</script>" or HTML comment can close it early. */
    private String scriptJson(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
