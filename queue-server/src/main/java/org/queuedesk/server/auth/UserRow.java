package org.queuedesk.server.auth;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.queuedesk.common.Role;

/** A built-in user as stored; the hash never leaves the server. */
public record UserRow(long id, String username, String passwordHash, String roles, boolean disabled, int failedAttempts,
               Instant lockedUntil) {

    Set<Role> roleSet() {
        var set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::fromWire).forEach(set::add);
        return set;
    }

    static String rolesText(Set<Role> roles) {
        return roles.stream().sorted().map(Role::wireName).collect(Collectors.joining(","));
    }

    org.queuedesk.common.auth.UserDto toDto(Instant now) {
        return new org.queuedesk.common.auth.UserDto(username, roleSet().stream().sorted().toList(), disabled,
                lockedUntil != null && lockedUntil.isAfter(now));
    }
}
