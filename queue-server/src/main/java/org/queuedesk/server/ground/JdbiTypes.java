package org.queuedesk.server.ground;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;

/** How our value types are stored: instants as epoch milliseconds, dates as ISO text, enums by wire name, flags as 0/1. */
final class JdbiTypes {

    private JdbiTypes() {
    }

    /** Binds {@code boolean} and {@code Boolean} as 0/1 (sqlite-jdbc does so anyway; PostgreSQL's driver would not). */
    private static final class FlagsAsIntegers implements org.jdbi.v3.core.argument.ArgumentFactory.Preparable {
        @Override
        public java.util.Optional<java.util.function.Function<Object, Argument>> prepare(java.lang.reflect.Type type,
                                                                                      ConfigRegistry config) {
            if (type != boolean.class && type != Boolean.class) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(value -> value == null
                    ? (position, statement, ctx) -> statement.setNull(position, Types.INTEGER)
                    : (position, statement, ctx) -> statement.setInt(position, (Boolean) value ? 1 : 0));
        }
    }

    static void register(Jdbi jdbi) {
        // flags are INTEGER 0/1 columns on both stores; PostgreSQL refuses a boolean for an integer column
        jdbi.registerArgument(new FlagsAsIntegers());
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.BIGINT) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> {
            long millis = rs.getLong(col);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, value.toString());
            }
        });
        jdbi.registerColumnMapper(LocalDate.class, (rs, col, ctx) -> {
            String text = rs.getString(col);
            return text == null ? null : LocalDate.parse(text);
        });
        jdbi.registerArgument(new AbstractArgumentFactory<TicketState>(Types.VARCHAR) {
            @Override
            protected Argument build(TicketState value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, value.wireName());
            }
        });
        jdbi.registerColumnMapper(TicketState.class, (rs, col, ctx) -> {
            String text = rs.getString(col);
            return text == null ? null : TicketState.fromWire(text);
        });
        jdbi.registerArgument(new AbstractArgumentFactory<TicketSource>(Types.VARCHAR) {
            @Override
            protected Argument build(TicketSource value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, value.wireName());
            }
        });
        jdbi.registerColumnMapper(TicketSource.class, (rs, col, ctx) -> {
            String text = rs.getString(col);
            return text == null ? null : TicketSource.fromWire(text);
        });
        jdbi.registerArgument(new AbstractArgumentFactory<Priority>(Types.INTEGER) {
            @Override
            protected Argument build(Priority value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setInt(position, value.rank());
            }
        });
        jdbi.registerColumnMapper(Priority.class, (rs, col, ctx) -> {
            int rank = rs.getInt(col);
            return rs.wasNull() ? null : Priority.fromRank(rank);
        });
    }
}
