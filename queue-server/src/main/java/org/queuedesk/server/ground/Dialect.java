package org.queuedesk.server.ground;

/**
 * Which database the server runs on, for the few statements that must differ (each DAO keeps its variants
 * side by side). SQLite has one writer, which serialises every claim by itself; PostgreSQL has many, so a
 * claim there locks the rows it takes ({@code FOR UPDATE SKIP LOCKED}) and passes over those another
 * instance holds.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL
}
