package org.queuedesk.server.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The patient's status page: one server-rendered HTML document with its style and a little script inline
 * (no build step, nothing else to fetch). The script listens to {@code /t/{token}/events} (SSE) and
 * updates the same elements the server filled in; without script the page still shows the state and
 * its buttons still work as plain form posts.
 */
public final class StatusPage {

    private final PageTexts words;
    private final ObjectMapper json;

    public StatusPage(PageTexts words, ObjectMapper json) {
        this.words = words;
        this.json = json;
    }

    public String render(StatusView v, String token) {
        String lang = v.language();
        String base = "/t/" + token;
        return """
                <!doctype html>
                <html lang="%s" dir="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <meta name="referrer" content="no-referrer">
                <title>%s %s</title>
                <style>
                  :root { --accent: #0b5cad; --bg: #f4f6f8; --fg: #1b1f23; --muted: #59636e; }
                  * { box-sizing: border-box; }
                  body { margin: 0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Arabic", sans-serif;
                         background: var(--bg); color: var(--fg); }
                  main { max-width: 30rem; margin: 0 auto; padding: 1.25rem; }
                  .site { color: var(--muted); font-size: .95rem; margin: 0 0 .75rem; }
                  .card { background: #fff; border-radius: 1rem; padding: 1.25rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
                  .number { font-size: 4rem; font-weight: 800; letter-spacing: .02em; line-height: 1; margin: .25rem 0; color: var(--accent); }
                  .service { color: var(--muted); margin: 0 0 1rem; }
                  .headline { font-size: 1.5rem; font-weight: 700; margin: 0 0 .5rem; }
                  .state-called .card { outline: 4px solid #1a7f37; }
                  .state-called .headline { color: #1a7f37; }
                  .wait { margin: 0 0 .5rem; }
                  .texts, .live { color: var(--muted); font-size: .95rem; margin: .5rem 0 0; }
                  .actions { margin-top: 1.25rem; display: grid; gap: .75rem; }
                  button { font: inherit; padding: .85rem 1rem; border-radius: .75rem; border: 2px solid var(--accent);
                           background: #fff; color: var(--accent); width: 100%%; min-height: 3rem; }
                  button.danger { border-color: #b42318; color: #b42318; }
                  button.danger.confirm { background: #b42318; color: #fff; }
                  form { margin: 0; }
                  [hidden] { display: none !important; }
                  .error { color: #b42318; }
                </style>
                </head>
                <body class="state-%s">
                <main>
                  <p class="site" id="site">%s</p>
                  <section class="card" aria-live="polite">
                    <div class="number" id="number" aria-label="%s">%s</div>
                    <p class="service" id="service">%s</p>
                    <p class="headline" id="headline">%s</p>
                    <p class="wait" id="wait"%s>%s</p>
                    <p class="texts" id="texts">%s</p>
                  </section>
                  <div class="actions">
                    <form method="post" action="%s/cancel" id="cancel-form"%s>
                      <button type="button" class="danger" id="cancel">%s</button>
                      <div id="cancel-confirm" hidden>
                        <button type="submit" class="danger confirm" id="cancel-yes">%s</button>
                        <button type="button" id="cancel-no" style="margin-top:.75rem">%s</button>
                      </div>
                    </form>
                    <form method="post" action="%s/stop-sms" id="stop-form"%s>
                      <button type="submit" id="stop-sms">%s</button>
                    </form>
                  </div>
                  <p class="live" id="live">%s</p>
                  <p class="error" id="error" hidden>%s</p>
                </main>
                <script type="application/json" id="initial">%s</script>
                <script>
                (function () {
                  var base = %s, offline = %s, live = %s;
                  var $ = function (id) { return document.getElementById(id); };
                  function render(s) {
                    document.body.className = 'state-' + s.state;
                    $('number').textContent = s.number;
                    $('service').textContent = s.service;
                    $('headline').textContent = s.headline;
                    $('wait').textContent = s.waitText || '';
                    $('wait').hidden = !s.waitText;
                    $('texts').textContent = s.textsText;
                    $('cancel-form').hidden = !s.canCancel;
                    $('stop-form').hidden = !s.textMessages;
                    document.body.dataset.position = s.position == null ? '' : String(s.position);
                  }
                  function post(path) {
                    $('error').hidden = true;
                    return fetch(base + path, { method: 'POST', headers: { 'Accept': 'application/json' } })
                      .then(function (r) {
                        return r.json().then(function (body) {
                          if (!r.ok) { throw new Error(body.detail || r.status); }
                          render(body);
                        });
                      })
                      .catch(function () { $('error').hidden = false; });
                  }
                  $('cancel').addEventListener('click', function () {
                    $('cancel').hidden = true; $('cancel-confirm').hidden = false;
                  });
                  $('cancel-no').addEventListener('click', function () {
                    $('cancel').hidden = false; $('cancel-confirm').hidden = true;
                  });
                  $('cancel-form').addEventListener('submit', function (e) {
                    e.preventDefault();
                    post('/cancel').then(function () { $('cancel').hidden = false; $('cancel-confirm').hidden = true; });
                  });
                  $('stop-form').addEventListener('submit', function (e) { e.preventDefault(); post('/stop-sms'); });
                  render(JSON.parse($('initial').textContent));
                  if (window.EventSource) {
                    var source = new EventSource(base + '/events');
                    source.addEventListener('status', function (e) { render(JSON.parse(e.data)); $('live').textContent = live; });
                    source.addEventListener('expired', function () {
                      source.close(); // the expired page in this page's language, whatever the phone's is
                      location.replace(location.pathname + '?lang=' + encodeURIComponent(document.documentElement.lang));
                    });
                    source.onerror = function () { $('live').textContent = offline; };
                    source.onopen = function () { $('live').textContent = live; };
                  }
                })();
                </script>
                </body>
                </html>
                """.formatted(
                lang, PageTexts.rightToLeft(lang) ? "rtl" : "ltr",
                esc(words.get(lang, "title")), esc(v.number()),
                esc(v.state()),
                esc(v.site()),
                esc(words.get(lang, "label.number")), esc(v.number()),
                esc(v.service()),
                esc(v.headline()),
                v.waitText() == null ? " hidden" : "", esc(v.waitText() == null ? "" : v.waitText()),
                esc(v.textsText()),
                base, v.canCancel() ? "" : " hidden",
                esc(words.get(lang, "button.cancel")), esc(words.get(lang, "button.cancel.confirm")),
                esc(words.get(lang, "button.cancel.back")),
                base, v.textMessages() ? "" : " hidden",
                esc(words.get(lang, "button.stop")),
                esc(words.get(lang, "live")),
                esc(words.get(lang, "error")),
                scriptJson(v),
                scriptJson(base), scriptJson(words.get(lang, "offline")), scriptJson(words.get(lang, "live")));
    }

    /** The page for a link that has expired or never existed. */
    public String expired(String language) {
        String lang = PageTexts.LANGUAGES.contains(language) ? language : "en";
        return """
                <!doctype html>
                <html lang="%s" dir="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
                <title>%s</title></head>
                <body style="font:18px/1.45 system-ui,sans-serif;max-width:30rem;margin:2rem auto;padding:0 1.25rem">
                <p id="expired">%s</p></body></html>
                """.formatted(lang, PageTexts.rightToLeft(lang) ? "rtl" : "ltr", esc(words.get(lang, "title")),
                esc(words.get(lang, "expired")));
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

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
