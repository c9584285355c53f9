package org.queuedesk.server.notify;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queuedesk.server.queue.WaitEstimates.Wait;

/**
 * The default texts of every message in every language (resources {@code sms_xx.properties}, UTF-8), and
 * filling in their placeholders. A service may override any of them (see {@link SmsService}).
 */
public final class SmsTemplates {

    public static final List<String> LANGUAGES = List.of("en", "es", "ar");
    public static final Set<String> PLACEHOLDERS = Set.of("number", "service", "position", "wait", "room", "link", "site",
            "date", "time", "doctor", "place", "code");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    public SmsTemplates() {
        for (String language : LANGUAGES) {
            texts.put(language, load("sms_" + language + ".properties"));
        }
    }

    /** The language to write in: the patient's if we have texts for it, else the site's, else English. */
    public static String language(String requested, String siteDefault) {
        for (String candidate : new String[] {requested, siteDefault}) {
            if (candidate != null) {
                String primary = candidate.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
                if (LANGUAGES.contains(primary)) {
                    return primary;
                }
            }
        }
        return "en";
    }

    public String defaultText(String language, SmsKind kind) {
        return text(language, kind.wireName());
    }

    /** "Wait about 10-20 min. " or nothing when there is no honest estimate. */
    public String waitText(String language, Wait wait) {
        if (wait == null) {
            return text(language, "wait.unknown");
        }
        return text(language, "wait.range").replace("{min}", Integer.toString(wait.lowMinutes()))
                .replace("{max}", Integer.toString(wait.highMinutes()));
    }

    private String text(String language, String key) {
        String value = texts.getOrDefault(language, texts.get("en")).get(key);
        return value != null ? value : texts.get("en").getOrDefault(key, "");
    }

    /** Replaces each {placeholder}; unknown ones are left as they are (an admin's text is checked on save). */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Placeholders in a text that we do not know how to fill. */
    public static List<String> unknownPlaceholders(String template) {
        return PLACEHOLDER.matcher(template).results().map(r -> r.group(1))
                .filter(name -> !PLACEHOLDERS.contains(name)).distinct().toList();
    }

    private static Map<String, String> load(String resource) {
        var properties = new Properties();
        try (var in = SmsTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing SMS texts " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var map = new HashMap<String, String>();
        properties.forEach((k, v) -> map.put((String) k, (String) v));
        return Map.copyOf(map);
    }
}
