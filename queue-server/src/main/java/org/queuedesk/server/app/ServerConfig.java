package org.queuedesk.server.app;

import java.nio.file.Path;
import java.util.Map;
import org.queuedesk.server.auth.AuthSettings;
import org.queuedesk.server.notify.SmsSettings;
import org.queuedesk.server.privacy.RetentionSettings;

/**
 * How the server is started. Each setting comes from a command-line flag, else an environment variable,
 * else a default: {@code --port}/{@code QUEUEDESK_PORT} (7070; 0 picks a free port),
 * {@code --data-dir}/{@code QUEUEDESK_DATA_DIR} (./data), {@code --demo}/{@code QUEUEDESK_DEMO}
 * (false), {@code --host}/{@code QUEUEDESK_HOST} (0.0.0.0), {@code --demo-time-zone}/{@code QUEUEDESK_DEMO_TIME_ZONE},
 * {@code --retention-days}/{@code QUEUEDESK_RETENTION_DAYS} (30: patients' names and phone numbers are purged
 * that many days after their ticket was issued; see {@link RetentionSettings}).
 */
public record ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone,
                           SqliteSettings sqlite, AuthSettings auth, SmsSettings sms, RetentionSettings retention) {

    /** Text messages to the log only (the embedded default). */
    public ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone, SqliteSettings sqlite,
                        AuthSettings auth) {
        this(host, port, dataDir, demo, demoTimeZone, sqlite, auth, SmsSettings.defaults());
    }

    /** The default retention of personal data. */
    public ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone, SqliteSettings sqlite,
                        AuthSettings auth, SmsSettings sms) {
        this(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, RetentionSettings.defaults());
    }

    public static ServerConfig from(String[] args, Map<String, String> env) {
        String host = setting(args, env, "host", "0.0.0.0");
        int port = parsePort(setting(args, env, "port", "7070"));
        Path dataDir = Path.of(setting(args, env, "data-dir", "data"));
        boolean demo = Boolean.parseBoolean(setting(args, env, "demo", "false"));
        String zone = setting(args, env, "demo-time-zone", java.time.ZoneId.systemDefault().getId());
        return new ServerConfig(host, port, dataDir, demo, zone, SqliteSettings.defaults(), authFrom(args, env),
                SmsSettings.from((name, fallback) -> setting(args, env, name, fallback)),
                RetentionSettings.parse(setting(args, env, "retention-days", null)));
    }

    /**
     * {@code --auth=builtin} (default) or {@code --auth=cognito} with {@code --cognito-region},
     * {@code --cognito-user-pool-id}, {@code --cognito-client-id} and optionally {@code --cognito-jwks-url},
     * {@code --cognito-issuer}, {@code --cognito-groups} (group=role pairs) and {@code --cognito-endpoint}
     * (told to clients, for Cognito-compatible endpoints); each also as QUEUEDESK_… variables.
     */
    static AuthSettings authFrom(String[] args, Map<String, String> env) {
        String provider = setting(args, env, "auth", AuthSettings.BUILTIN).trim().toLowerCase(java.util.Locale.ROOT);
        if (AuthSettings.BUILTIN.equals(provider)) {
            return AuthSettings.builtIn();
        }
        if (!AuthSettings.COGNITO.equals(provider)) {
            throw new IllegalArgumentException("--auth must be 'builtin' or 'cognito', not '" + provider + "'");
        }
        String region = required(args, env, "cognito-region");
        String pool = required(args, env, "cognito-user-pool-id");
        String client = required(args, env, "cognito-client-id");
        return AuthSettings.cognito(region, pool, client, setting(args, env, "cognito-jwks-url", null),
                setting(args, env, "cognito-issuer", null),
                AuthSettings.parseGroupRoles(setting(args, env, "cognito-groups", null)),
                setting(args, env, "cognito-endpoint", null));
    }

    private static String required(String[] args, Map<String, String> env, String name) {
        String value = setting(args, env, name, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--auth=cognito needs --" + name + " (or QUEUEDESK_"
                    + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + ")");
        }
        return value.trim();
    }

    /** Loopback, a free port, cheap password hashing; built-in sign-in. */
    public static ServerConfig forTests(Path dataDir) {
        return new ServerConfig("127.0.0.1", 0, dataDir, false, "UTC", SqliteSettings.defaults(),
                AuthSettings.builtIn().withBcryptCost(4));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention);
    }

    public ServerConfig withDemo(boolean newDemo) {
        return new ServerConfig(host, port, dataDir, newDemo, demoTimeZone, sqlite, auth, sms, retention);
    }

    public ServerConfig withAuth(AuthSettings newAuth) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, newAuth, sms, retention);
    }

    /** Text messages (issue 3): {@code --sms}, {@code --public-url}, … see {@link SmsSettings}. */
    public ServerConfig withSms(SmsSettings newSms) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, newSms, retention);
    }

    /** How long personal data is kept (F14): {@code --retention-days}. */
    public ServerConfig withRetention(RetentionSettings newRetention) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, newRetention);
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
