package org.queuedesk.common.site;

import java.util.Map;

/**
 * Sets a service's or room's names in other languages, all at once: languages left out (or given an empty
 * name) show the default name again. E.g. {@code {"names": {"es": "Análisis de sangre", "ar": "تحاليل الدم"}}}.
 */
public record NamesRequest(Map<String, String> names) {
}
