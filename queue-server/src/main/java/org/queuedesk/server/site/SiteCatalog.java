package org.queuedesk.server.site;

import java.util.Optional;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.app.WriteTransaction;

/**
 * Sites and services as writes read them, remembered by the writer: every ticket change looks up its
 * service and site, and these rows are never updated once inserted (their settings that do change, such
 * as a site's SMS region, live in columns these records do not carry). If an UPDATE of the columns in
 * {@link SiteDto} or {@link ServiceDto} is ever added, it must not go through here.
 */
public final class SiteCatalog {

    private SiteCatalog() {
    }

    private record Key(Class<?> type, long id) {
    }

    public static Optional<SiteDto> site(WriteTransaction tx, long id) {
        return tx.remember(new Key(SiteDto.class, id), SiteDto.class, () -> tx.attach(SiteDao.class).site(id));
    }

    public static Optional<ServiceDto> service(WriteTransaction tx, long id) {
        return tx.remember(new Key(ServiceDto.class, id), ServiceDto.class, () -> tx.attach(SiteDao.class).service(id));
    }
}
