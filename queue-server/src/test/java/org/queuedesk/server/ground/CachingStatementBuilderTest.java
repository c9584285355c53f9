package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.TestServer;

class CachingStatementBuilderTest {

    private final Handle handle = Jdbi.create("jdbc:sqlite:" + TestServer.freshDir().resolve("cache.db")).open();
    private final CachingStatementBuilder builder = new CachingStatementBuilder();

    CachingStatementBuilderTest() {
        handle.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        handle.setStatementBuilder(builder);
    }

    @AfterEach
    void close() {
        handle.close();
    }

    @Test
    void theSameStatementIsPreparedOnceAndReusedWithFreshBindings() {
        for (int i = 0; i < 50; i++) {
            handle.createUpdate("INSERT INTO t(v) VALUES (:v)").bind("v", "row " + i).execute();
            String read = handle.createQuery("SELECT v FROM t WHERE id = :id").bind("id", i + 1).mapTo(String.class).one();
            assertThat(read).isEqualTo("row " + i);
        }
        assertThat(builder.prepared()).as("one INSERT and one SELECT, each prepared once").isEqualTo(2);
    }

    @Test
    void theSameSqlWhileItsFirstResultIsOpenGetsAStatementOfItsOwn() {
        handle.execute("INSERT INTO t(v) VALUES ('a'), ('b')");
        int before = builder.prepared();
        String sql = "SELECT v FROM t ORDER BY id";
        List<String> pairs;
        try (var outer = handle.createQuery(sql).mapTo(String.class).stream()) {
            pairs = outer.map(v -> v + handle.createQuery(sql).mapTo(String.class).list()).toList();
        }
        assertThat(pairs).containsExactly("a[a, b]", "b[a, b]");
        assertThat(handle.createQuery(sql).mapTo(String.class).list()).containsExactly("a", "b");
        assertThat(builder.prepared() - before).as("the outer query's and the inner one's").isEqualTo(2);
    }
}
