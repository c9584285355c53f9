package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * One form's request in flight and the server's answer to it: busy while the request runs (off the FX thread,
 * through the seam), then either a line saying what was done, or the server's problem by the field it names
 * ({@code errors.<field>} under that field). A problem naming no field of this form shows as one line instead,
 * so nothing the server said is lost.
 */
final class FormState {

    private final BackgroundExecutor background;
    private final ResourceBundle messages;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty done = new SimpleStringProperty(this, "done", "");
    private UnaryOperator<String> fieldNames = UnaryOperator.identity();
    private String checkFieldsKey = "admin.checkFields";

    FormState(BackgroundExecutor background, ResourceBundle messages, String... fieldNames) {
        this.background = background;
        this.messages = messages;
        for (String name : fieldNames) {
            fields.put(name, new SimpleStringProperty(this, name, ""));
        }
    }

    /** The line under a form whose fields the server refused (default: "Not saved: see the fields…"). */
    FormState checkFieldsMessage(String key) {
        this.checkFieldsKey = key;
        return this;
    }

    /** How the server's field names map to this form's (e.g. {@code blocks[2].start} to {@code start}). */
    FormState mapFields(UnaryOperator<String> mapping) {
        this.fieldNames = mapping;
        return this;
    }

    /**
     * Runs {@code work} in the background unless a request of this form is already on its way (a second press
     * does nothing; the button stays enabled so the focus stays on it, where the keyboard left it).
     */
    <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        run(work, onSuccess, failure -> { });
    }

    /** The same, and {@code afterFailure} once the problem is on show (to select what it names). */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> afterFailure) {
        if (busy.get()) {
            return;
        }
        clear();
        busy.set(true);
        background.run(work, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            show(failure);
            afterFailure.accept(failure);
        });
    }

    /** The server refused (or did not answer). */
    void show(Throwable failure) {
        if (!(failure instanceof ApiException refused)) {
            problem.set(MessageFormat.format(messages.getString("admin.unreachable"),
                    failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
            return;
        }
        boolean allShown = !refused.fieldErrors().isEmpty();
        for (var error : refused.fieldErrors().entrySet()) {
            StringProperty field = fields.get(fieldNames.apply(error.getKey()));
            if (field == null) {
                allShown = false;
            } else {
                field.set(error.getValue());
            }
        }
        problem.set(allShown ? messages.getString(checkFieldsKey) : refused.detail());
    }

    /** A problem found before asking the server (a number that is not a number), shown like the server's. */
    void fieldProblem(String field, String message) {
        clear();
        error(field).set(message);
        problem.set(messages.getString(checkFieldsKey));
    }

    void succeeded(String message) {
        done.set(message);
    }

    void clear() {
        fields.values().forEach(field -> field.set(""));
        problem.set("");
        done.set("");
    }

    /** The server's message for one field of this form; empty when it has none. */
    StringProperty error(String field) {
        StringProperty property = fields.get(field);
        if (property == null) {
            throw new IllegalArgumentException("no field " + field + " in this form");
        }
        return property;
    }

    ReadOnlyStringProperty errorProperty(String field) {
        return error(field);
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    ReadOnlyStringProperty doneProperty() {
        return done;
    }

    boolean isBusy() {
        return busy.get();
    }
}
