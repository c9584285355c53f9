package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.TestServer;

/**
 * A failed statement's exception is logged with its stack trace; its message must name the statement but
 * not the values bound to it, which are patients' names and phone numbers (never logged unmasked).
 */
class FailedStatementMessageIT {

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(TestServer.freshDir().resolve("queuedesk.db"), SqliteSettings.defaults());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStatementThatCannotBePreparedNamesItsSqlButNotItsValues() {
        assertThatThrownBy(() -> db.read(h -> h.createQuery("SELECT no_such_column FROM tickets WHERE phone = :phone")
                .bind("phone", "+34600123456").mapTo(String.class).list()))
                .hasMessageContaining("SELECT no_such_column FROM tickets")
                .hasMessageNotContaining("600123456");
    }

    @Test
    void aStatementRefusedByTheDatabaseNamesItsSqlButNotItsValues() {
        assertThatThrownBy(() -> db.write(tx -> tx.handle().createUpdate("""
                        INSERT INTO audit_log(at, actor, action, subject, detail)
                        VALUES (0, NULL, 'ticket.issued', :name, :phone)""")
                .bind("name", "Zenobia Quintanilla").bind("phone", "+34600123456").execute()))
                .hasMessageContaining("INSERT INTO audit_log")
                .hasMessageNotContaining("Zenobia")
                .hasMessageNotContaining("600123456");
    }
}
