package org.queuedesk.server.site;

import java.util.Optional;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * Sites and services as writes read them, remembered by the writer: every ticket change looks up its
 * service and site. A write that changes a service (its columns or its names in other languages) calls
 * {@link #serviceChanged} in the same write, so the next lookup reads the row again instead of serving,
 * say, a closed service as open; a write that is undone makes the writer forget everything anyway.
 * A change to a site's time zone calls {@link #siteChanged} the same way (its other settings, such as the SMS
 * region, live in columns {@link SiteDto} does not carry), and rooms are not remembered. {@code SiteCatalogIT} lists every
 * statement that changes these tables and fails on a new one until it is checked against this rule.
 */
@Port
public final class SiteCatalog {

    private SiteCatalog() {
    }

    private record Key(Class<?> type, long id) {
    }

    public static Optional<SiteDto> site(WriteTransaction tx, long id) {
        return tx.remember(new Key(SiteDto.class, id), SiteDto.class, () -> SiteWriteDao.site(tx, id));
    }

    public static Optional<ServiceDto> service(WriteTransaction tx, long id) {
        return tx.remember(new Key(ServiceDto.class, id), ServiceDto.class, () -> SiteWriteDao.service(tx, id));
    }

    /**
     * Makes this write the only one checking and taking something of the site's (e.g. an appointment slot's last
     * place) until it ends: a row lock where many transactions write, nothing more on SQLite's single writer.
     */
    public static void lockForChange(WriteTransaction tx, long siteId) {
        // asked before the DAO: a call through its proxy cost a Next and a booking more than the answer on SQLite
        if (org.queuedesk.server.ground.Dialect.of(tx.handle()) == org.queuedesk.server.ground.Dialect.POSTGRESQL) {
            SiteWriteDao.lockRow(tx, siteId);
        }
    }

    /** The service was changed in this write: the writer reads it again next time. */
    public static void serviceChanged(WriteTransaction tx, long id) {
        tx.forget(new Key(ServiceDto.class, id));
    }

    /** The site (its time zone) was changed in this write: the writer reads it again next time. */
    public static void siteChanged(WriteTransaction tx, long id) {
        tx.forget(new Key(SiteDto.class, id));
    }
}
