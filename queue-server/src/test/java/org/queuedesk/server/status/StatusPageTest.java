package org.queuedesk.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.json.JsonMapperFactory;

/**
 * Whatever a value holds, the status page's markup stays the template's: the template engine escapes every
 * slot (text and attributes) by default, and the JSON for the script cannot close its script element.
 */
class StatusPageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private final StatusPage page = new StatusPage(new PageTexts(), JsonMapperFactory.create());

    private static StatusView view(String state, String service, String headline) {
        return new StatusView("A-007", service, "Clinic \"Sol\" & <b>Co</b>", state, 2, 5, 10, null, true, true, true,
                "en", headline, "About 5-10 min", "Text messages are on.", 7);
    }

    @Test
    void textWithMarkupIsShownAsText() {
        String html = page.render(view("waiting", SCRIPT, "You are \"next\" </script><!--"), "AbC123");

        assertThat(html).contains("<p class=\"service\" id=\"service\">&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertThat(html).contains("id=\"headline\">You are &quot;next&quot; &lt;/script&gt;&lt;!--</p>");
        assertThat(html).contains("id=\"site\">Clinic &quot;Sol&quot; &amp; &lt;b&gt;Co&lt;/b&gt;</p>");
        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<b>").doesNotContain("<!--");
        assertThat(Pattern.compile("<script").matcher(html).results().count()).as("script elements").isEqualTo(2);
    }

    @Test
    void aQuoteCannotLeaveAnAttribute() {
        String html = page.render(view("waiting\" onload=\"alert(1)", "GP", "Wait"), "x\" onmouseover=\"alert(1)");

        assertThat(html).doesNotContain("\" onload=\"").doesNotContain("\" onmouseover=\"");
        assertThat(attribute(html, "<body class=\"")).isEqualTo("state-waiting\" onload=\"alert(1)");
        assertThat(attribute(html, "<form method=\"post\" action=\"")).isEqualTo("/t/x\" onmouseover=\"alert(1)/cancel");
    }

    /** The value of the first attribute that starts right after {@code before}, as a browser reads it. */
    private static String attribute(String html, String before) {
        int start = html.indexOf(before);
        if (start < 0 || !before.endsWith("\"")) {
            return "";
        }
        start += before.length();
        String raw = html.substring(start, html.indexOf('"', start));
        var entity = Pattern.compile("&(?:#(\\d+)|quot|amp|lt|gt);").matcher(raw);
        var text = new StringBuilder();
        while (entity.find()) {
            String e = entity.group();
            String c = entity.group(1) != null ? Character.toString(Integer.parseInt(entity.group(1)))
                    : e.equals("&quot;") ? "\"" : e.equals("&amp;") ? "&" : e.equals("&lt;") ? "<" : ">";
            entity.appendReplacement(text, Matcher.quoteReplacement(c));
        }
        entity.appendTail(text);
        return text.toString();
    }

    @Test
    void theScriptsJsonCannotCloseTheScriptElement() {
        String html = page.render(view("waiting", "GP", "</script>" + SCRIPT), "AbC123");

        String initial = html.substring(html.indexOf("<script type=\"application/json\" id=\"initial\">"));
        initial = initial.substring(0, initial.indexOf("</script>"));
        assertThat(initial).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    }

    @Test
    void theExpiredPageFallsBackToEnglishForAnUnknownLanguage() {
        assertThat(page.expired("<x>")).contains("<html lang=\"en\" dir=\"ltr\">").doesNotContain("<x>");
        assertThat(page.expired("ar")).contains("<html lang=\"ar\" dir=\"rtl\">");
    }
}
