package org.queuedesk.server.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.queuedesk.common.auth.DevicePrinterDto;

/** All SQL for the kiosks' printer states. */
@RegisterConstructorMapper(DevicePrinterDto.class)
public interface PrinterStatusDao {

    String PRINTER = """
            SELECT p.device_id, d.name AS device_name, p.state, p.detail, p.changed_at AS at
            FROM device_printers p JOIN devices d ON d.id = p.device_id""";

    @SqlQuery(PRINTER + " WHERE p.device_id = :deviceId")
    Optional<DevicePrinterDto> printer(@Bind("deviceId") long deviceId);

    @SqlQuery(PRINTER + " WHERE d.site_id = :siteId AND d.kind = 'kiosk' AND d.revoked_at IS NULL ORDER BY d.name")
    List<DevicePrinterDto> printersAt(@Bind("siteId") long siteId);

    /** Stores a report; {@code changed_at} moves only when the state is a new one. */
    @SqlUpdate("""
            INSERT INTO device_printers(device_id, state, detail, changed_at, reported_at)
            VALUES (:deviceId, :state, :detail, :at, :at)
            ON CONFLICT(device_id) DO UPDATE SET
                changed_at = CASE WHEN device_printers.state = excluded.state THEN device_printers.changed_at
                                ELSE excluded.changed_at END,
                state = excluded.state, detail = excluded.detail, reported_at = excluded.reported_at""")
    void store(@Bind("deviceId") long deviceId, @Bind("state") String state, @Bind("detail") String detail,
               @Bind("at") Instant at);
}
