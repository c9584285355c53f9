package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.desktop.api.AuditEntry;

/**
 * README: "Sign-ins, failures, locks, user and device changes are in the audit log", filtered on the server
 * (README "Audit log": actor ignoring case, action or its family, local days both included, newest first, paged).
 */
class AuditViewModelTest {

    private static final AdminServer SERVER = new AdminServer();
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private AuditViewModel audit;

    @BeforeEach
    void open() throws Exception {
        SERVER.admin.createUser(new CreateUserRequest("eva" + System.nanoTime() % 100000, "eva-password",
                List.of(Role.DOCTOR)));
        SERVER.signedIn("reception", "reception");
        audit = new AuditViewModel(SERVER.admin, SERVER.background, () -> ZONE, SERVER.messages);
        audit.load();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void filtersByWhoAndWhatOnTheServer() {
        assertThat(audit.entries()).extracting(AuditEntry::action).contains("user.created", "sign-in");

        audit.who.set("RECEPTION");
        assertThat(audit.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo("reception"));

        audit.who.set("");
        audit.what.set("user.created");
        assertThat(audit.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.action()).isEqualTo("user.created"));
        audit.what.set("user");
        assertThat(audit.entries()).as("a family").isNotEmpty().allSatisfy(e -> assertThat(e.action()).startsWith("user."));
        assertThat(audit.summaryProperty().get()).isEqualTo(audit.entries().size() + " entries shown");
    }

    @Test
    void filtersByDayBothEndsIncluded() {
        LocalDate today = LocalDate.now(ZONE);
        int all = audit.entries().size();
        audit.from.set(today);
        audit.to.set(today);
        assertThat(audit.entries()).hasSize(all);
        audit.from.set(today.plusDays(1));
        audit.to.set(null);
        assertThat(audit.entries()).isEmpty();
        audit.from.set(null);
        audit.to.set(today.minusDays(1));
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void moreReadsOlderPagesUntilTheServerHasNoMore() throws Exception {
        List<Long> everything = SERVER.admin.audit(null, null, null, null, 1000, null).stream().map(AuditEntry::id).toList();
        var paged = new AuditViewModel(SERVER.admin, SERVER.background, () -> ZONE, SERVER.messages, 2);
        paged.load();
        assertThat(paged.entries()).hasSize(2);
        assertThat(paged.moreProperty().get()).isTrue();
        assertThat(paged.summaryProperty().get()).isEqualTo("2 entries shown; More reads older ones");
        while (paged.moreProperty().get()) {
            paged.loadMore();
        }
        assertThat(paged.entries()).extracting(AuditEntry::id).as("newest first, each once").isEqualTo(everything);
    }

    @Test
    void anEndBeforeTheStartIsSaidUnderTheEnd() {
        audit.from.set(LocalDate.of(2026, 3, 2));
        audit.to.set(LocalDate.of(2026, 3, 1));
        assertThat(audit.form().error("to").get()).isEqualTo(SERVER.text("admin.audit.toBeforeFrom"));
        audit.to.set(LocalDate.of(2026, 3, 3));
        assertThat(audit.form().error("to").get()).isEmpty();
    }
}
