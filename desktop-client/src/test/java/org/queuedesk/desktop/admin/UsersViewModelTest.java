package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.UserDto;
import org.queuedesk.desktop.api.ApiException;

/** Expected messages from queue-server's validation/create-user.psv and reset-password.psv; README "Sign-in and roles". */
class UsersViewModelTest {

    private static final AdminServer SERVER = new AdminServer();
    private UsersViewModel users;

    @BeforeEach
    void open() {
        users = new UsersViewModel(SERVER.admin, SERVER.background, SERVER.messages);
        users.load();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void createsAUserWhoCanThenSignIn() throws Exception {
        assertThat(users.users()).extracting(UserDto::username).contains("admin", "reception", "doctor", "nurse");
        users.username.set("ana.garcia");
        users.password.set("a-long-password");
        users.doctor.set(true);
        users.create();

        assertThat(users.createForm().doneProperty().get()).isEqualTo("User ana.garcia created.");
        assertThat(user("ana.garcia").roles()).containsExactly(Role.DOCTOR);
        assertThat(users.rolesText(user("ana.garcia"))).isEqualTo("Doctor");
        SERVER.signedIn("ana.garcia", "a-long-password"); // the server takes the new user at once
        assertThat(users.password.get()).as("the first password does not stay on screen").isEmpty();
    }

    @Test
    void eachRefusalIsShownUnderItsField() {
        users.username.set("ana garcia");
        users.password.set("pppppppppp");
        users.receptionist.set(true);
        users.create();
        assertThat(users.createForm().error("username").get()).startsWith("use 2 to 64 letters");

        users.username.set("bea");
        users.password.set("short");
        users.create();
        assertThat(users.createForm().error("password").get()).isEqualTo("use at least 10 characters.");
        assertThat(users.createForm().error("username").get()).isEmpty();

        users.password.set("pppppppppp");
        users.receptionist.set(false);
        users.create();
        assertThat(users.createForm().error("roles").get()).isEqualTo("give at least one of admin, receptionist, doctor.");
    }

    @Test
    void resetsThePasswordOfTheChosenUser() throws Exception {
        SERVER.admin.createUser(new CreateUserRequest("carla", "first-password", List.of(Role.RECEPTIONIST)));
        users.load();
        users.selectedProperty().set(user("carla"));
        users.newPassword.set("short");
        users.resetPassword();
        assertThat(users.resetForm().error("password").get()).isEqualTo("use at least 10 characters.");

        users.newPassword.set("second-password");
        users.resetPassword();
        assertThat(users.resetForm().doneProperty().get()).startsWith("New password set for carla");
        SERVER.signedIn("carla", "second-password");
        assertThatThrownBy(() -> SERVER.signedIn("carla", "first-password")).isInstanceOf(AssertionError.class);
    }

    @Test
    void disablingAsksFirstThenEndsTheirSignInAndEnablingLetsThemBack() throws Exception {
        SERVER.admin.createUser(new CreateUserRequest("dora", "dora-password", List.of(Role.DOCTOR)));
        var dora = SERVER.signedIn("dora", "dora-password");
        users.load();
        users.selectedProperty().set(user("dora"));

        users.toggleDisabled();
        assertThat(users.confirmingDisableProperty().get()).isTrue();
        assertThat(SERVER.admin.users().stream().filter(u -> u.username().equals("dora")).findFirst().orElseThrow()
                .disabled()).as("nothing happens before the answer").isFalse();
        users.cancelDisable();
        users.toggleDisabled();
        users.confirmDisable();

        assertThat(user("dora").disabled()).isTrue();
        assertThat(users.stateText(user("dora"))).isEqualTo("Disabled");
        assertThatThrownBy(dora::me).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));

        users.toggleDisabled(); // enabling needs no question
        assertThat(user("dora").disabled()).isFalse();
        SERVER.signedIn("dora", "dora-password");
    }

    private UserDto user(String name) {
        return users.users().stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow();
    }
}
