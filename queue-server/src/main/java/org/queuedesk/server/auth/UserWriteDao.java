package org.queuedesk.server.auth;

import java.sql.ResultSet;
import java.util.Arrays;
import org.queuedesk.common.Role;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * What the writer asks of users, as plain statements ({@link WriteTransaction#sql}): whether a built-in user may
 * be assigned patients (enabled, with the doctor role) is asked inside every booking that names a doctor, and
 * through {@link AuthDao} its row mapper was built anew each time, a fifth of a booking's writer time.
 */
public final class UserWriteDao {

    private UserWriteDao() {
    }

    public static boolean isDoctor(WriteTransaction tx, String username) {
        String roles = tx.sql("SELECT roles FROM users WHERE lower(username) = lower(?) AND disabled = 0", s -> {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        return roles != null && Arrays.stream(roles.split(",")).map(String::strip)
                .anyMatch(Role.DOCTOR.wireName()::equals);
    }
}
