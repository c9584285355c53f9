package org.queuedesk.server.ground;

import static org.queuedesk.common.Role.ADMIN;
import static org.queuedesk.common.Role.DOCTOR;
import static org.queuedesk.common.Role.KIOSK;
import static org.queuedesk.common.Role.PUBLIC;
import static org.queuedesk.common.Role.RECEPTIONIST;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.queuedesk.common.Role;

/** The role sets routes are declared with, named once so every feature means the same by "staff". */
public final class Roles {

    public static final Set<Role> STAFF = Set.copyOf(EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR));
    public static final Set<Role> FRONT_DESK = Set.copyOf(EnumSet.of(ADMIN, RECEPTIONIST));
    public static final Set<Role> CLINICIANS = Set.copyOf(EnumSet.of(ADMIN, DOCTOR));
    /** The same people as {@link #STAFF}, named for what they share: moving a patient on. */
    public static final Set<Role> DESK_AND_CLINICIANS = Set.copyOf(EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR));
    public static final Set<Role> ADMINS = Set.copyOf(EnumSet.of(ADMIN));
    public static final Set<Role> KIOSKS = Set.copyOf(EnumSet.of(KIOSK));
    public static final Set<Role> ANYONE = Set.copyOf(EnumSet.of(PUBLIC));

    private Roles() {
    }

    /** {@code base} and {@code more}, e.g. {@code with(STAFF, DISPLAY)}. */
    public static Set<Role> with(Set<Role> base, Role... more) {
        var roles = EnumSet.copyOf(base);
        roles.addAll(List.of(more));
        return Set.copyOf(roles);
    }
}
