package org.queuedesk.server.ground;

import java.util.Collection;
import java.util.Set;
import org.queuedesk.common.Role;

/**
 * Who is calling: a signed-in user or a registered device, with its roles. A device belongs to one site
 * ({@code siteId}) and has its {@code deviceId}; users are not bound to a site and have no device id.
 */
public record Principal(String name, Set<Role> roles, boolean device, Long siteId, Long deviceId) {

    public Principal {
        roles = Set.copyOf(roles);
    }

    public Principal(String name, Set<Role> roles, boolean device, Long siteId) {
        this(name, roles, device, siteId, null);
    }

    public Principal(String name, Set<Role> roles) {
        this(name, roles, false, null, null);
    }

    public boolean hasAnyOf(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Names and phone numbers are for staff only, never for displays or kiosks. */
    public boolean maySeePersonalData() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.RECEPTIONIST) || roles.contains(Role.DOCTOR);
    }
}
