package org.queuedesk.server.online;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * The patients' own-phone page, one server-rendered document ({@code online-page.mustache}) with its style and
 * a few lines of script inline: nothing else to fetch, no third-party resource. Mustache escapes every value
 * (what the patient typed included); the template has no raw slot.
 */
public final class OnlinePage {

    private static final List<Map<String, String>> LANGUAGE_NAMES = List.of(
            Map.of("code", "en", "label", "English"), Map.of("code", "es", "label", "Español"),
            Map.of("code", "ar", "label", "العربية"));
    private final OnlineTexts words;
    private final Mustache template;

    public OnlinePage(OnlineTexts words) {
        this.words = words;
        this.template = new DefaultMustacheFactory("org/queuedesk/server/online").compile("online-page.mustache");
    }

    /** One service as the page lists it. */
    record ServiceLine(long id, String name, String waitingText, String waitText, boolean joinable) {
    }

    /** A message above the form: {@code bad} for a refusal, else news. */
    record Message(String text, String kind) {
    }

    String services(Frame frame, List<ServiceLine> services, String phone, Message message) {
        var slots = common(frame, message);
        slots.put("servicesStep", true);
        slots.put("services", services);
        slots.put("phone", phone);
        return fill(slots);
    }

    String code(Frame frame, long serviceId, String serviceName, String phone, Message message) {
        var slots = common(frame, message);
        slots.put("codeStep", true);
        slots.put("serviceId", serviceId);
        slots.put("serviceName", serviceName);
        slots.put("phone", phone);
        slots.put("sentText", words.get(frame.lang(), "code_sent").replace("{phone}", PhoneNumbers.mask(phone)));
        return fill(slots);
    }

    /** Any other step: what every step shows, and the step's own slots (they may replace {@code home}). */
    String step(Frame frame, Message message, Map<String, Object> stepSlots) {
        var slots = common(frame, message);
        slots.putAll(stepSlots);
        return fill(slots);
    }

    /** What every step shows: the site, the language and its switch, and the form token. */
    record Frame(long siteId, String siteName, String lang, String form) {
    }

    String word(String lang, String key) {
        return words.get(lang, key);
    }

    private Map<String, Object> common(Frame frame, Message message) {
        var slots = new HashMap<String, Object>();
        slots.put("lang", frame.lang());
        slots.put("dir", "ar".equals(frame.lang()) ? "rtl" : "ltr");
        slots.put("w", words.all(frame.lang()));
        slots.put("siteId", frame.siteId());
        slots.put("home", "/p/" + frame.siteId()); // where the language switch leads
        slots.put("siteName", frame.siteName());
        slots.put("form", frame.form());
        slots.put("message", message);
        slots.put("languages", LANGUAGE_NAMES.stream().map(l -> Map.of("code", l.get("code"), "label", l.get("label"),
                "current", l.get("code").equals(frame.lang()))).toList());
        return slots;
    }

    private String fill(Map<String, Object> slots) {
        var out = new StringWriter(8192);
        template.execute(out, slots);
        return out.toString();
    }
}
