package org.queuedesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.testing.ManualScheduler;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.live.ConnectionViewModel;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;

/** A stray key or click must never sign a doctor out. */
class ShellViewModelTest {

    private final AtomicInteger signedOut = new AtomicInteger();
    private final AtomicInteger signInAgain = new AtomicInteger();
    private final ShellViewModel shell = new ShellViewModel(new ConnectionViewModel(new CurrentThreadExecutor(),
            new ManualScheduler(), HealthClient.withDefaults(), ReconnectPolicy.DEFAULT, Theme.messages(Locale.ENGLISH)));

    ShellViewModelTest() {
        shell.setActions(signedOut::incrementAndGet, () -> { }, signInAgain::incrementAndGet);
        shell.signedInProperty().set(true);
    }

    @Test
    void signOutAsksFirstAndOnlyTheConfirmationSignsOut() {
        shell.requestSignOut();
        shell.requestSignOut();
        assertThat(shell.confirmingSignOutProperty().get()).isTrue();
        assertThat(signedOut).hasValue(0);

        shell.confirmSignOut();
        assertThat(signedOut).hasValue(1);
        assertThat(shell.confirmingSignOutProperty().get()).isFalse();
    }

    @Test
    void stayingSignedInEndsTheQuestionAndAStrayConfirmationDoesNothing() {
        shell.requestSignOut();
        shell.cancelSignOut();
        shell.confirmSignOut();

        assertThat(signedOut).hasValue(0);
        assertThat(shell.confirmingSignOutProperty().get()).isFalse();
    }

    @Test
    void signInAgainNeedsNoConfirmation() {
        shell.signInAgain();

        assertThat(signInAgain).hasValue(1);
        assertThat(signedOut).hasValue(0);
    }
}
