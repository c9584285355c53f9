package org.queuedesk.server.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.queuedesk.server.alert.AlertSettings;
import org.queuedesk.server.auth.AuthSettings;
import org.queuedesk.server.backup.BackupSettings;
import org.queuedesk.server.notify.SmsSettings;
import org.queuedesk.server.online.OnlineSettings;
import org.queuedesk.server.privacy.RetentionSettings;
import org.queuedesk.server.ground.PostgresSettings;
import org.queuedesk.server.ground.SqliteSettings;

/**
 * How the server is started. Each setting comes from a command-line flag, else an environment variable,
 * else a default: {@code --port}/{@code QUEUEDESK_PORT} (7070; 0 picks a free port),
 * {@code --data-dir}/{@code QUEUEDESK_DATA_DIR} (./data), {@code --demo}/{@code QUEUEDESK_DEMO}
 * (false), {@code --host}/{@code QUEUEDESK_HOST} (0.0.0.0), {@code --demo-time-zone}/{@code QUEUEDESK_DEMO_TIME_ZONE},
 * {@code --retention-days}/{@code QUEUEDESK_RETENTION_DAYS} (30: patients' names and phone numbers are purged
 * that many days after their ticket was issued; see {@link RetentionSettings}), {@code --log-format} and
 * {@code --metrics-token} (see {@link MonitoringSettings}), {@code --backup-dir}, {@code --backup-every},
 * {@code --backup-keep} (see {@link BackupSettings}), {@code --online-…} (see {@link OnlineSettings}), {@code --alert-topic-arn} (see {@link AlertSettings});
 * {@code --database-url}, {@code --database-user}, {@code --database-password} (PostgreSQL instead of SQLite);
 * {@code --keys-dir}/{@code QUEUEDESK_KEYS_DIR} (the data folder: the secret keys, shared by several instances);
 * {@code --restore FOLDER} restores a backup into the data
 * folder and exits instead of starting the server ({@code restoreFrom}).
 */
public record ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone,
                           SqliteSettings sqlite, AuthSettings auth, SmsSettings sms, RetentionSettings retention,
                           MonitoringSettings monitoring, BackupSettings backup, Path restoreFrom,
                           OnlineSettings online, AlertSettings alerts, PostgresSettings postgres,
                           Path keysDir) {

    /** The keys in the data folder. */
    public ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone, SqliteSettings sqlite,
                        AuthSettings auth, SmsSettings sms, RetentionSettings retention, MonitoringSettings monitoring,
                        BackupSettings backup, Path restoreFrom, OnlineSettings online, AlertSettings alerts,
                        PostgresSettings postgres) {
        this(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring, backup, restoreFrom,
                online, alerts, postgres, null);
    }

    /** The embedded SQLite store. */
    public ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone, SqliteSettings sqlite,
                        AuthSettings auth, SmsSettings sms, RetentionSettings retention, MonitoringSettings monitoring,
                        BackupSettings backup, Path restoreFrom, OnlineSettings online, AlertSettings alerts) {
        this(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring, backup, restoreFrom,
                online, alerts, null);
    }

    /** The default limits of the patients' own-phone pages. */
    public ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone, SqliteSettings sqlite,
                        AuthSettings auth, SmsSettings sms, RetentionSettings retention, MonitoringSettings monitoring,
                        BackupSettings backup, Path restoreFrom) {
        this(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring, backup, restoreFrom,
                OnlineSettings.defaults(), AlertSettings.defaults());
    }

    /** No backups. */
    public ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone, SqliteSettings sqlite,
                        AuthSettings auth, SmsSettings sms, RetentionSettings retention, MonitoringSettings monitoring) {
        this(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring, BackupSettings.none(),
                null);
    }

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

    /** Text logs, public metrics. */
    public ServerConfig(String host, int port, Path dataDir, boolean demo, String demoTimeZone, SqliteSettings sqlite,
                        AuthSettings auth, SmsSettings sms, RetentionSettings retention) {
        this(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, MonitoringSettings.defaults());
    }

    /** Every flag the server knows (the README's configuration table); any other is refused, never ignored. */
    static final List<String> FLAGS = List.of("port", "host", "data-dir", "demo", "demo-time-zone", "auth",
            "cognito-region", "cognito-user-pool-id", "cognito-client-id", "cognito-groups", "cognito-jwks-url",
            "cognito-issuer", "cognito-endpoint", "sms", "sns-endpoint", "sms-sender-id", "sms-origination-number",
            "public-url", "sms-max-per-phone-per-day", "sms-max-per-kiosk-per-minute", "sms-give-up-after-minutes",
            "retention-days", "event-retention-days", "log-format", "metrics-token", "backup-dir", "backup-every", "backup-keep", "restore",
            "online-codes-per-phone-per-hour", "online-codes-per-address-per-hour", "online-tickets-per-phone-per-day",
            "online-tries-per-address-per-hour", "online-bookings-per-phone-per-day",
            "online-bookings-per-address-per-day", "alert-topic-arn", "database-url", "database-user",
            "database-password", "keys-dir");
    /** Flags that may stand alone ({@code --demo} means {@code --demo=true}). */
    private static final Set<String> SWITCHES = Set.of("demo");

    /**
     * @throws IllegalArgumentException naming the flag, when a flag is unknown (a typo would otherwise keep
     *                                  the default without a word), given twice, missing its value, or has a
     *                                  value it cannot take
     */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        checkFlags(args);
        String host = setting(args, env, "host", "0.0.0.0");
        int port = parsePort(setting(args, env, "port", "7070"));
        Path dataDir = Path.of(setting(args, env, "data-dir", "data"));
        boolean demo = parseSwitch("demo", setting(args, env, "demo", "false"));
        String zone = parseZone(setting(args, env, "demo-time-zone", java.time.ZoneId.systemDefault().getId()));
        String restore = setting(args, env, "restore", null);
        return new ServerConfig(host, port, dataDir, demo, zone, SqliteSettings.defaults(), authFrom(args, env),
                SmsSettings.from((name, fallback) -> setting(args, env, name, fallback)),
                RetentionSettings.parse(setting(args, env, "retention-days", null),
                        setting(args, env, "event-retention-days", null)),
                MonitoringSettings.parse(setting(args, env, "log-format", null), setting(args, env, "metrics-token", null)),
                BackupSettings.from((name, fallback) -> setting(args, env, name, fallback)),
                restore == null || restore.isBlank() ? null : Path.of(restore.strip()),
                OnlineSettings.from((name, fallback) -> setting(args, env, name, fallback)),
                AlertSettings.parse(setting(args, env, "alert-topic-arn", null)),
                postgresFrom(args, env), keysDirFrom(setting(args, env, "keys-dir", null)));
    }

    private static Path keysDirFrom(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    /**
     * {@code --database-url jdbc:postgresql://host/db} with {@code --database-user} and {@code --database-password}
     * (or QUEUEDESK_DATABASE_URL, _USER, _PASSWORD) selects PostgreSQL; without a URL, the SQLite file.
     */
    static PostgresSettings postgresFrom(String[] args, Map<String, String> env) {
        String url = setting(args, env, "database-url", null);
        String user = setting(args, env, "database-user", null);
        String password = setting(args, env, "database-password", null);
        if (url == null || url.isBlank()) {
            if (user != null || password != null) {
                throw new IllegalArgumentException("--database-user and --database-password need --database-url"
                        + " (jdbc:postgresql://host/database); without it the server uses its SQLite file");
            }
            return null;
        }
        for (String fileOnly : List.of("backup-dir", "restore")) {
            if (setting(args, env, fileOnly, null) != null) {
                throw new IllegalArgumentException("--" + fileOnly + " works on the SQLite file only; with --database-url"
                        + " back up and restore with PostgreSQL's own tools (pg_dump, pg_restore, base backups)");
            }
        }
        return new PostgresSettings(url.strip(), user == null ? null : user.strip(), password);
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
        return AuthSettings.cognito(region, pool, client, httpUrl("cognito-jwks-url", setting(args, env, "cognito-jwks-url", null)),
                httpUrl("cognito-issuer", setting(args, env, "cognito-issuer", null)),
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
        return new ServerConfig(host, newPort, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring, backup, restoreFrom, online, alerts, postgres, keysDir);
    }

    public ServerConfig withDemo(boolean newDemo) {
        return new ServerConfig(host, port, dataDir, newDemo, demoTimeZone, sqlite, auth, sms, retention, monitoring, backup, restoreFrom, online, alerts, postgres, keysDir);
    }

    public ServerConfig withAuth(AuthSettings newAuth) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, newAuth, sms, retention, monitoring, backup, restoreFrom, online, alerts, postgres, keysDir);
    }

    /** Text messages: {@code --sms}, {@code --public-url}, … see {@link SmsSettings}. */
    public ServerConfig withSms(SmsSettings newSms) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, newSms, retention, monitoring, backup, restoreFrom, online, alerts, postgres, keysDir);
    }

    /** How long personal data is kept: {@code --retention-days}. */
    public ServerConfig withRetention(RetentionSettings newRetention) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, newRetention, monitoring, backup, restoreFrom, online, alerts, postgres, keysDir);
    }

    /** Log format and the metrics token: {@code --log-format}, {@code --metrics-token}. */
    public ServerConfig withMonitoring(MonitoringSettings newMonitoring) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, newMonitoring, backup, restoreFrom, online, alerts, postgres, keysDir);
    }

    /** Backups: {@code --backup-dir}, {@code --backup-every}, {@code --backup-keep}. */
    public ServerConfig withBackup(BackupSettings newBackup) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring,
                newBackup, restoreFrom, online, alerts, postgres, keysDir);
    }

    /** Limits of the patients' own-phone pages: {@code --online-…}, see {@link OnlineSettings}. */
    public ServerConfig withOnline(OnlineSettings newOnline) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring,
                backup, restoreFrom, newOnline, alerts, postgres, keysDir);
    }

    /** Alerts: {@code --alert-topic-arn}, see {@link AlertSettings}. */
    public ServerConfig withAlerts(AlertSettings newAlerts) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring, backup,
                restoreFrom, online, newAlerts, postgres, keysDir);
    }

    /** The store: PostgreSQL at {@code --database-url}, {@code null} for the SQLite file in the data folder. */
    public ServerConfig withPostgres(PostgresSettings newPostgres) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring, backup,
                restoreFrom, online, alerts, newPostgres, keysDir);
    }

    /** The folder of the secret keys: {@code --keys-dir}, shared by the instances of one database. */
    public ServerConfig withKeysDir(Path newKeysDir) {
        return new ServerConfig(host, port, dataDir, demo, demoTimeZone, sqlite, auth, sms, retention, monitoring, backup,
                restoreFrom, online, alerts, postgres, newKeysDir);
    }

    /**
     * Where the token-signing and phone-hash keys live: {@code --keys-dir}, else the data folder. Instances of one
     * database must share them, or a token signed by one is refused by another and opt-outs hashed on one are
     * not found on another.
     */
    public Path keys() {
        return keysDir == null ? dataDir : keysDir;
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

    static void checkFlags(String[] args) {
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': settings are flags such as"
                        + " --port 7070 or --port=7070 (see the README's configuration table)");
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            if (!FLAGS.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + closestFlag(name)
                        .map(known -> "; did you mean --" + known + "?").orElse("; known flags: --"
                                + String.join(", --", FLAGS)));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("--" + name + " is given twice; give it once");
            }
            boolean valueFollows = i + 1 < args.length && !args[i + 1].startsWith("--");
            if (eq < 0 && valueFollows) {
                i++;
            } else if (eq < 0 && !SWITCHES.contains(name)) {
                throw new IllegalArgumentException("--" + name + " needs a value, e.g. --" + name + "=…");
            }
        }
    }

    /** The known flag nearest to a mistyped one (a few letters off), if any is near enough to be meant. */
    static java.util.Optional<String> closestFlag(String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String flag : FLAGS) {
            int d = editDistance(typed.toLowerCase(java.util.Locale.ROOT), flag);
            if (d < bestDistance) {
                best = flag;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, typed.length() / 3) ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean parseSwitch(String name, String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--" + name + " must be 'true' or 'false', not '" + value + "'");
        }
        return v.equals("true");
    }

    private static String parseZone(String value) {
        try {
            return java.time.ZoneId.of(value.strip()).getId();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--demo-time-zone must be a time zone such as Europe/Madrid or UTC, not '"
                    + value + "'");
        }
    }

    private static String httpUrl(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            var uri = java.net.URI.create(value.strip());
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // explained below
        }
        throw new IllegalArgumentException("--" + name + " must be an http(s) URL, not '" + value + "'");
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
