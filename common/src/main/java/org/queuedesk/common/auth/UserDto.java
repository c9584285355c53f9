package org.queuedesk.common.auth;

import java.util.List;
import org.queuedesk.common.Role;

/** A built-in user as an admin sees it. */
public record UserDto(String username, List<Role> roles, boolean disabled, boolean locked) {
}
