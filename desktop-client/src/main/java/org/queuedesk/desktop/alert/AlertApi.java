package org.queuedesk.desktop.alert;

import java.util.List;
import org.queuedesk.common.alert.AlertDto;

/** What the banner asks the server: a site's open alerts, and acknowledging one (idempotent by its key). */
interface AlertApi {

    List<AlertDto> open(long siteId) throws Exception;

    AlertDto acknowledge(long alertId, String idempotencyKey) throws Exception;
}
