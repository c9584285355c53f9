package org.queuedesk.desktop.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.queuedesk.common.ticket.TicketState;

/** The expected enabled actions per ticket state, from {@code lifecycle-actions.csv} (written from the README). */
public final class LifecycleTable {

    private static final Map<String, Boolean> ALLOWED = load();

    private LifecycleTable() {
    }

    /** Whether {@code action} (e.g. "cancel", "no_show") may start from {@code state}. */
    public static boolean allows(String action, TicketState state) {
        Boolean allowed = ALLOWED.get(action + "/" + state.wireName());
        if (allowed == null) {
            throw new IllegalArgumentException("not in lifecycle-actions.csv: " + action + " / " + state);
        }
        return allowed;
    }

    private static Map<String, Boolean> load() {
        var in = LifecycleTable.class.getResourceAsStream("/org/queuedesk/desktop/lifecycle-actions.csv");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            String[] states = lines.get(0).split(",");
            Map<String, Boolean> table = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                for (int i = 1; i < cells.length; i++) {
                    table.put(cells[0] + "/" + states[i].toLowerCase(Locale.ROOT), cells[i].equals("y"));
                }
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
