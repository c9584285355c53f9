package org.queuedesk.common.auth;

import java.util.List;
import org.queuedesk.common.Role;

/** The caller as the server sees it. */
public record WhoAmIDto(String name, List<Role> roles, boolean device) {
}
