package org.queuedesk.server.app;

import java.util.Collection;
import java.util.Set;
import org.queuedesk.common.Role;

/** Who is calling: a signed-in user or a registered device, with its roles. */
public record Principal(String name, Set<Role> roles) {

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyOf(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Names and phone numbers are for staff only, never for displays or kiosks. */
    public boolean maySeePersonalData() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.RECEPTIONIST) || roles.contains(Role.DOCTOR);
    }
}
