package org.queuedesk.server.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

/**
 * Where backups go and how often: {@code --backup-dir} (none: no scheduled backups, and
 * {@code POST /api/admin/backup} says what to set), {@code --backup-every} such as {@code 6h}, {@code 30m} or
 * {@code 1d} (none: on demand only), {@code --backup-keep} (7: older backups are deleted after each new one).
 */
public record BackupSettings(Path dir, Duration every, int keep) {

    public static final int DEFAULT_KEEP = 7;
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})([mhd])");

    public static BackupSettings none() {
        return new BackupSettings(null, null, DEFAULT_KEEP);
    }

    /** From settings looked up by flag name (fallback when not given). */
    public static BackupSettings from(BinaryOperator<String> setting) {
        String dir = setting.apply("backup-dir", null);
        Duration every = parseEvery(setting.apply("backup-every", null));
        int keep = parseKeep(setting.apply("backup-keep", Integer.toString(DEFAULT_KEEP)));
        if (every != null && (dir == null || dir.isBlank())) {
            throw new IllegalArgumentException("--backup-every needs --backup-dir: the folder the backups go to");
        }
        return new BackupSettings(dir == null || dir.isBlank() ? null : Path.of(dir.strip()), every, keep);
    }

    public boolean scheduled() {
        return dir != null && every != null;
    }

    public BackupSettings withDir(Path newDir) {
        return new BackupSettings(newDir, every, keep);
    }

    static Duration parseEvery(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var m = INTERVAL.matcher(value.strip().toLowerCase(Locale.ROOT));
        long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
        if (n == 0) {
            throw new IllegalArgumentException("--backup-every must be a number with m, h or d (minutes, hours, days),"
                    + " such as 6h, not '" + value + "'");
        }
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static int parseKeep(String value) {
        try {
            int keep = Integer.parseInt(value.strip());
            if (keep >= 1 && keep <= 1000) {
                return keep;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException("--backup-keep must be a number from 1 to 1000, not '" + value + "'");
    }
}
