package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slots are planned in the site's local time (README, "Appointments"). Expected instants are written by hand
 * from the published rules of Europe/Madrid: CET (+01:00) in winter, CEST (+02:00) in summer; in 2026 the
 * clocks go forward on Sunday 29 March at 02:00 (to 03:00) and back on Sunday 25 October at 03:00 (to 02:00).
 */
class SlotPlanTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29);
    private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);

    private static WorkBlock sunday(String start, String end, int minutes, int capacity) {
        return new WorkBlock(1, 7, LocalTime.parse(start), LocalTime.parse(end), List.of(10L), null, minutes, capacity);
    }

    private static List<Instant> starts(List<PlannedSlot> slots) {
        return slots.stream().map(PlannedSlot::start).toList();
    }

    private static List<String> localTimes(List<PlannedSlot> slots) {
        return slots.stream().map(s -> s.localStart().toLocalTime().toString()).toList();
    }

    @Test
    void aNineOClockSlotStaysAtNineLocalOnBothSidesOfEachTransition() {
        var weekly = List.of(sunday("09:00", "09:30", 30, 1));
        for (LocalDate day : List.of(SPRING.minusWeeks(1), SPRING, AUTUMN.minusWeeks(1), AUTUMN, AUTUMN.plusWeeks(1))) {
            var slots = SlotPlan.slots("dr.x", weekly, Map.of(), day, day, MADRID);
            assertThat(localTimes(slots)).as(day.toString()).containsExactly("09:00");
        }
        assertThat(starts(SlotPlan.slots("dr.x", weekly, Map.of(), SPRING.minusWeeks(1), SPRING.minusWeeks(1), MADRID)))
                .containsExactly(Instant.parse("2026-03-22T08:00:00Z"));
        assertThat(starts(SlotPlan.slots("dr.x", weekly, Map.of(), SPRING, SPRING, MADRID)))
                .containsExactly(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(starts(SlotPlan.slots("dr.x", weekly, Map.of(), AUTUMN.minusWeeks(1), AUTUMN.minusWeeks(1), MADRID)))
                .containsExactly(Instant.parse("2026-10-18T07:00:00Z"));
        assertThat(starts(SlotPlan.slots("dr.x", weekly, Map.of(), AUTUMN, AUTUMN, MADRID)))
                .containsExactly(Instant.parse("2026-10-25T08:00:00Z"));
    }

    @Test
    void theSkippedHourInSpringOffersNoSlots() {
        var slots = SlotPlan.slots("dr.x", List.of(sunday("01:00", "04:00", 30, 1)), Map.of(), SPRING, SPRING, MADRID);

        // 02:00 and 02:30 do not exist that night
        assertThat(localTimes(slots)).containsExactly("01:00", "01:30", "03:00", "03:30");
        assertThat(starts(slots)).containsExactly(Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-03-29T01:30:00Z"));
        // a slot lasts its length in real time: the 01:30 one ends as the clocks show 03:00
        assertThat(slots.get(1).end()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void theRepeatedHourInAutumnOffersItsSlotsOnceAtTheFirstPass() {
        var slots = SlotPlan.slots("dr.x", List.of(sunday("01:00", "04:00", 30, 1)), Map.of(), AUTUMN, AUTUMN, MADRID);

        assertThat(localTimes(slots)).containsExactly("01:00", "01:30", "02:00", "02:30", "03:00", "03:30");
        // 02:00 and 02:30 at summer time (+02:00); the second pass through 02:xx (+01:00) has none
        assertThat(starts(slots)).containsExactly(Instant.parse("2026-10-24T23:00:00Z"),
                Instant.parse("2026-10-24T23:30:00Z"), Instant.parse("2026-10-25T00:00:00Z"),
                Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T02:00:00Z"),
                Instant.parse("2026-10-25T02:30:00Z"));
        assertThat(starts(slots)).doesNotContain(Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void slotsFillABlockButNeverRunPastItsEnd() {
        var slots = SlotPlan.slots("dr.x", List.of(sunday("09:00", "10:00", 20, 3), sunday("11:00", "11:50", 15, 1)),
                Map.of(), SPRING, SPRING, MADRID);

        assertThat(localTimes(slots)).containsExactly("09:00", "09:20", "09:40", "11:00", "11:15", "11:30");
        assertThat(slots.get(0).block().capacity()).isEqualTo(3);
    }

    @Test
    void aDatedExceptionReplacesTheWeeklyBlocksOfThatDayOnly() {
        var weekly = List.of(sunday("09:00", "10:00", 30, 1));
        var otherHours = new WorkBlock(2, null, LocalTime.parse("16:00"), LocalTime.parse("16:30"), List.of(10L), null,
                30, 1);
        LocalDate next = SPRING.plusWeeks(1);

        var slots = SlotPlan.slots("dr.x", weekly, Map.of(SPRING, List.of(), next, List.of(otherHours)),
                SPRING.minusWeeks(1), next.plusWeeks(1), MADRID);

        assertThat(slots).extracting(s -> s.localStart().toString()).containsExactly(
                "2026-03-22T09:00", "2026-03-22T09:30", // an ordinary Sunday
                // 29 March: a day off
                "2026-04-05T16:00", // other hours
                "2026-04-12T09:00", "2026-04-12T09:30");
    }
}
