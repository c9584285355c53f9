package org.queuedesk.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The rules README states for every estimated wait: never negative, its range around its point,
 * "unknown" only when no open session serves the queue, and a doctor's pause never makes the wait of their
 * patients shorter.
 */
class WaitForecastPropertiesTest {

    @Property(tries = 300)
    void neverNegativeAndThePointLiesInItsRange(@ForAll("times") double[] times, @ForAll("rooms") List<WaitForecast.Room> rooms,
                                                @ForAll @IntRange(max = 40) int ahead, @ForAll long seed) {
        WaitForecast.estimate(times, rooms, ahead, seed).map(WaitEstimates.Wait::of).ifPresent(w -> {
            assertThat(w.lowMinutes()).isNotNegative();
            assertThat(w.lowMinutes()).isLessThanOrEqualTo(w.minutes());
            assertThat(w.minutes()).isLessThanOrEqualTo(w.highMinutes());
        });
    }

    @Property(tries = 300)
    void unknownExactlyWhenNoOpenSessionServesTheQueue(@ForAll("times") double[] times,
                                                       @ForAll("rooms") List<WaitForecast.Room> rooms,
                                                       @ForAll @IntRange(max = 40) int ahead, @ForAll long seed) {
        assertThat(WaitForecast.estimate(times, rooms, ahead, seed).isEmpty()).isEqualTo(rooms.isEmpty());
    }

    @Property(tries = 300)
    void theOnlyDoctorPausingNeverShortensTheWait(@ForAll("times") double[] times, @ForAll("busy") Double busyMinutes,
                                                  @ForAll @IntRange(max = 40) int ahead, @ForAll long seed) {
        var working = WaitForecast.estimate(times, List.of(new WaitForecast.Room(false, busyMinutes)), ahead, seed)
                .map(WaitEstimates.Wait::of).orElseThrow();
        var paused = WaitForecast.estimate(times, List.of(new WaitForecast.Room(true, busyMinutes)), ahead, seed)
                .map(WaitEstimates.Wait::of).orElseThrow();
        assertThat(paused.minutes()).isGreaterThanOrEqualTo(working.minutes());
        assertThat(paused.lowMinutes()).isGreaterThanOrEqualTo(working.lowMinutes());
        assertThat(paused.highMinutes()).isGreaterThanOrEqualTo(working.highMinutes());
    }

    @Provide
    Arbitrary<double[]> times() {
        return Arbitraries.doubles().between(0, 90).array(double[].class).ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Double> busy() {
        return Arbitraries.doubles().between(0, 120).injectNull(0.3);
    }

    @Provide
    Arbitrary<List<WaitForecast.Room>> rooms() {
        return Combinators.combine(Arbitraries.of(true, false), busy()).as(WaitForecast.Room::new).list().ofMaxSize(4);
    }
}
