package org.queuedesk.desktop.kiosk;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.queuedesk.desktop.ground.Theme;

/**
 * The kiosk's words in the patient's language: each patient picks one, the next starts with the first of the
 * kiosk's languages again. Everything a patient reads goes through here, so no screen mixes two languages.
 */
public final class KioskTexts {

    private final Function<Locale, ResourceBundle> bundles;
    private final List<Locale> languages;
    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>(this, "language");
    private final ReadOnlyStringWrapper outageText = new ReadOnlyStringWrapper(this, "outageText", "");

    KioskTexts(Function<Locale, ResourceBundle> bundles, List<Locale> languages) {
        this.bundles = bundles;
        this.languages = languages;
        useFirst();
    }

    void use(Locale chosen) {
        language.set(chosen);
        outageText.set(text("kiosk.outage"));
    }

    /** The kiosk's own language, for the next patient. */
    void useFirst() {
        use(languages.get(0));
    }

    public ResourceBundle messages() {
        return bundles.apply(language.get());
    }

    public String text(String key) {
        return messages().getString(key);
    }

    String format(String key, Object... arguments) {
        return new MessageFormat(text(key), language.get()).format(arguments);
    }

    public boolean isRightToLeft() {
        return Theme.isRightToLeft(language.get());
    }

    /** A language's own name for itself ("Español"), for the language buttons. */
    public String nameOf(Locale other) {
        return bundles.apply(other).getString("kiosk.language.name");
    }

    public List<Locale> languages() {
        return languages;
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
    }

    /** The outage notice, in the language of the patient in front of the kiosk. */
    public ReadOnlyStringProperty outageTextProperty() {
        return outageText.getReadOnlyProperty();
    }
}
