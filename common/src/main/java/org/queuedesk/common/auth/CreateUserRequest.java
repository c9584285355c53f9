package org.queuedesk.common.auth;

import java.util.List;
import org.queuedesk.common.Role;

/** An admin creates a built-in user with a first password and one or more of admin, receptionist, doctor. */
public record CreateUserRequest(String username, String password, List<Role> roles) {
}
