package org.queuedesk.desktop.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FxBackgroundExecutorTest {

    @Test
    void workHandedInAfterTheAppClosedIsDroppedNotThrownOnTheUiThread() {
        var ran = new AtomicInteger();
        var executor = new FxBackgroundExecutor(Executors.newSingleThreadExecutor(), Runnable::run);
        executor.close();

        // e.g. a print finishing after the window closed reports the printer's state
        assertThatCode(() -> executor.run(ran::incrementAndGet, n -> ran.incrementAndGet(), e -> ran.incrementAndGet()))
                .doesNotThrowAnyException();
        assertThat(ran).hasValue(0);
    }
}
