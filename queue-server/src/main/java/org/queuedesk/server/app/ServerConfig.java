package org.queuedesk.server.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the server is started. Each setting comes from a command-line flag, else an environment variable,
 * else a default: {@code --port}/{@code QUEUEDESK_PORT} (7070; 0 picks a free port),
 * {@code --data-dir}/{@code QUEUEDESK_DATA_DIR} (./data), {@code --demo}/{@code QUEUEDESK_DEMO}
 * (false), {@code --host}/{@code QUEUEDESK_HOST} (0.0.0.0), {@code --demo-time-zone}/{@code QUEUEDESK_DEMO_TIME_ZONE}.
 */
public record ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone,
                           SqliteSettings sqlite) {

    public static ServerConfig from(String[] args, Map<String, String> env) {
        String host = setting(args, env, "host", "0.0.0.0");
        int port = parsePort(setting(args, env, "port", "7070"));
        Path dataDir = Path.of(setting(args, env, "data-dir", "data"));
        boolean demo = Boolean.parseBoolean(setting(args, env, "demo", "false"));
        String zone = setting(args, env, "demo-time-zone", java.time.ZoneId.systemDefault().getId());
        return new ServerConfig(host, port, dataDir, demo, zone, SqliteSettings.defaults());
    }

    public static ServerConfig forTests(Path dataDir) {
        return new ServerConfig("127.0.0.1", 0, dataDir, false, "UTC", SqliteSettings.defaults());
    }

    public Path databaseFile() {
        return dataDir.resolve("queuedesk.db");
    }

    /** {@code --name=value}, {@code --name value} or a bare {@code --name} (true), then {@code QUEUEDESK_NAME}. */
    static String setting(String[] args, Map<String, String> env, String name, String fallback) {
        String flag = "--" + name;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(flag + "=")) {
                return args[i].substring(flag.length() + 1);
            }
            if (args[i].equals(flag)) {
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                return hasValue ? args[i + 1] : "true";
            }
        }
        String fromEnv = env.get("QUEUEDESK_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, not '" + value + "'");
        }
    }
}
