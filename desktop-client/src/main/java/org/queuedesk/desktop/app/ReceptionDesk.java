package org.queuedesk.desktop.app;

import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Reception's two views, one shown at a time: the queue (issuing and today's tickets) and the appointments.
 * The hidden one leaves the scene, so its keyboard shortcuts (F1…, Enter) do not act behind the other.
 */
final class ReceptionDesk {

    private ReceptionDesk() {
    }

    static Parent of(Node queue, Node appointments, ResourceBundle messages) {
        BorderPane desk = new BorderPane(queue);
        ToggleGroup group = new ToggleGroup();
        ToggleButton queueButton = new ToggleButton(messages.getString("desk.view.queue"));
        queueButton.setId("queueViewButton");
        ToggleButton appointmentsButton = new ToggleButton(messages.getString("desk.view.appointments"));
        appointmentsButton.setId("appointmentsViewButton");
        queueButton.setToggleGroup(group);
        appointmentsButton.setToggleGroup(group);
        queueButton.setSelected(true);
        // one Tab stop (a toggle group; the arrows switch): without it a keyboard never reached the appointments
        group.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                before.setSelected(true); // one view is always shown
            } else {
                desk.setCenter(now == appointmentsButton ? appointments : queue);
            }
        });
        HBox bar = new HBox(8, queueButton, appointmentsButton);
        bar.getStyleClass().add("desk-switch");
        desk.setTop(bar);
        return desk;
    }
}
