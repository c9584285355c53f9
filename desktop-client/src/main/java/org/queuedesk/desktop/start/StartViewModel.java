package org.queuedesk.desktop.start;

import java.util.EnumSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import org.queuedesk.desktop.ground.Mode;

/**
 * The start screen: how this computer is used, among the modes the signed-in user may open. Each mode opens
 * its screen; kiosk and display take the whole screen until staff leave them. Never sees a control.
 */
public final class StartViewModel {

    private final Set<Mode> allowed;
    private final Consumer<Mode> open;

    public StartViewModel(List<Mode> allowed, Consumer<Mode> open, ResourceBundle messages) {
        this.allowed = allowed.isEmpty() ? EnumSet.noneOf(Mode.class) : EnumSet.copyOf(allowed);
        this.open = open;
    }

    public boolean allows(Mode candidate) {
        return allowed.contains(candidate);
    }

    public void choose(Mode chosen) {
        if (allows(chosen)) {
            open.accept(chosen);
        }
    }
}
