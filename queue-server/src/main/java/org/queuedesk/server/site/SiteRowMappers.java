package org.queuedesk.server.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;

/**
 * Row mappers for sites, services and rooms, written out: they are read several times by every ticket
 * change on the single writer thread, and Jdbi's constructor mapper re-inspects the result's columns on
 * every query (about a third of such a query's cost in the benchmark's profile).
 */
public final class SiteRowMappers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteRowMappers() {
    }

    public static final class Sites implements RowMapper<SiteDto> {
        @Override
        public SiteDto map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new SiteDto(rs.getLong("id"), rs.getString("name"), rs.getString("time_zone"));
        }
    }

    public static final class Services implements RowMapper<ServiceDto> {
        @Override
        public ServiceDto map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ServiceDto(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"), rs.getString("prefix"),
                    rs.getInt("almost_turn_position"), rs.getBoolean("active"));
        }
    }

    /** A service with its names in other languages (the {@code names} column, a JSON object). */
    public static final class NamedServices implements RowMapper<ServiceDto> {
        @Override
        public ServiceDto map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ServiceDto(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"), rs.getString("prefix"),
                    rs.getInt("almost_turn_position"), rs.getBoolean("active"), names(rs.getString("names")));
        }
    }

    public static final class NamedRooms implements RowMapper<RoomDto> {
        @Override
        public RoomDto map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new RoomDto(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"), names(rs.getString("names")));
        }
    }

    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() { };

    static Map<String, String> names(String json) throws SQLException {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, NAMES);
        } catch (JsonProcessingException e) {
            throw new SQLException("names is not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }

    public static final class Rooms implements RowMapper<RoomDto> {
        @Override
        public RoomDto map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new RoomDto(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"));
        }
    }
}
