package org.queuedesk.server.ground;

/**
 * Where the PostgreSQL store is: {@code --database-url jdbc:postgresql://host/db} with {@code --database-user} and
 * {@code --database-password}. The password never appears in {@link #toString()} (configurations get logged).
 *
 * @param poolSize connections the server keeps open: every write holds one for its transaction
 */
public record PostgresSettings(String url, String user, String password, int poolSize) {

    public static final int DEFAULT_POOL_SIZE = 20;

    public PostgresSettings {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--database-url must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://db.example.org/queuedesk, not '" + url + "'");
        }
    }

    public PostgresSettings(String url, String user, String password) {
        this(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** The URL without its parameters, which may hold a password: what the log may show. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", poolSize=" + poolSize + "]";
    }
}
