package org.queuedesk.desktop.ground;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;

/** Bindings every view makes the same way. */
public final class ViewBindings {

    private ViewBindings() {
    }

    /** A label that shows a message and takes no room while the message is empty. */
    public static void message(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** A read-only text column taken from each row record. */
    public static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
