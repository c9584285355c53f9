package org.queuedesk.server.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Remote joining's hours in the site's local time ({@code online/remote-joining-hours.csv}). */
class RemoteJoiningHoursTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @TestFactory
    Stream<DynamicTest> aServiceTakesTicketsOnlyWhenOpenAndWithinItsHours() throws IOException {
        String table;
        try (InputStream in = getClass().getResourceAsStream("/online/remote-joining-hours.csv")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return table.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("open,"))
                .map(line -> DynamicTest.dynamicTest(line, () -> {
                    String[] cell = line.split(",", -1);
                    var setting = new RemoteJoining.Setting(1, Boolean.parseBoolean(cell[0]), blank(cell[1]),
                            blank(cell[2]), null);
                    var at = LocalDateTime.parse(cell[3]).atZone(MADRID).toInstant();
                    assertThat(setting.openAt(at, MADRID)).isEqualTo(Boolean.parseBoolean(cell[4]));
                }));
    }

    private static String blank(String cell) {
        return cell.isBlank() ? null : cell;
    }
}
