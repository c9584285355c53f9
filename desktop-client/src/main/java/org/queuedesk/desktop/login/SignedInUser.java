package org.queuedesk.desktop.login;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.queuedesk.common.Role;
import org.queuedesk.desktop.ground.Mode;

/**
 * Who uses the app. {@code signInRequired} is false for a server without sign-in, where everyone may
 * use every mode (the server treats every caller as staff).
 */
public record SignedInUser(String name, Set<Role> roles, boolean signInRequired) {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }

    public static SignedInUser withoutSignIn() {
        return new SignedInUser("", EnumSet.of(Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR), false);
    }

    public static SignedInUser of(String name, List<Role> roles) {
        return new SignedInUser(name == null ? "" : name, roles == null ? Set.of() : Set.copyOf(roles), true);
    }

    /** The modes this user may open, in the order the start screen shows them. */
    public List<Mode> allowedModes() {
        if (roles.contains(Role.ADMIN)) {
            return List.of(Mode.values());
        }
        List<Mode> modes = new java.util.ArrayList<>();
        if (roles.contains(Role.RECEPTIONIST)) {
            modes.add(Mode.RECEPTION);
        }
        if (roles.contains(Role.DOCTOR)) {
            modes.add(Mode.DOCTOR);
        }
        if (roles.contains(Role.KIOSK)) {
            modes.add(Mode.KIOSK);
        }
        if (roles.contains(Role.DISPLAY)) {
            modes.add(Mode.DISPLAY);
        }
        return List.copyOf(modes);
    }

    public boolean may(Mode mode) {
        return allowedModes().contains(mode);
    }
}
