package org.queuedesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.ground.Theme;

/** Every language has every key, and every {@code %key} used in FXML exists. */
class MessagesTest {

    private static final String[] FXML = {"/org/queuedesk/desktop/start/Start.fxml",
            "/org/queuedesk/desktop/app/Shell.fxml", "/org/queuedesk/desktop/login/SignIn.fxml",
            "/org/queuedesk/desktop/reception/Reception.fxml", "/org/queuedesk/desktop/doctor/Doctor.fxml",
            "/org/queuedesk/desktop/appointment/Appointments.fxml",
            "/org/queuedesk/desktop/kiosk/Kiosk.fxml", "/org/queuedesk/desktop/kiosk/KioskLanguage.fxml",
            "/org/queuedesk/desktop/kiosk/KioskService.fxml", "/org/queuedesk/desktop/kiosk/KioskDelivery.fxml",
            "/org/queuedesk/desktop/kiosk/KioskPhone.fxml", "/org/queuedesk/desktop/kiosk/KioskDone.fxml",
            "/org/queuedesk/desktop/kiosk/KioskNumber.fxml",
            "/org/queuedesk/desktop/display/Display.fxml"};

    /** Every translation the kiosk offers; each must have exactly the English keys. */
    private static final String[] TRANSLATIONS = {"messages_es.properties", "messages_ar.properties"};

    @Test
    void spanishHasExactlyTheEnglishKeys() throws IOException {
        assertThat(keys("messages_es.properties")).isEqualTo(keys("messages.properties"));
    }

    @Test
    void everyTranslationHasExactlyTheEnglishKeys() throws IOException {
        Set<String> english = keys("messages.properties");
        for (String translation : TRANSLATIONS) {
            Set<String> translated = keys(translation);
            assertThat(difference(english, translated)).as("keys missing from " + translation).isEmpty();
            assertThat(difference(translated, english)).as("keys only in " + translation).isEmpty();
        }
    }

    @Test
    void arabicIsReadAsUtf8ThroughTheBundle() {
        ResourceBundle arabic = Theme.messages(Locale.forLanguageTag("ar"));
        assertThat(arabic.getString("kiosk.language.name")).isEqualTo("\u0627\u0644\u0639\u0631\u0628\u064a\u0629");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new java.util.TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    @Test
    void everyFxmlKeyIsDefined() throws IOException {
        Set<String> defined = keys("messages.properties");
        Pattern reference = Pattern.compile("\"%([\\w.]+)\"");
        for (String fxml : FXML) {
            try (InputStream in = MessagesTest.class.getResourceAsStream(fxml)) {
                assertThat(in).as(fxml).isNotNull();
                Matcher matcher = reference.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    assertThat(defined).as(fxml).contains(matcher.group(1));
                }
            }
        }
    }

    @Test
    void askingForEnglishOnASpanishDesktopGivesEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es-ES"));
            ResourceBundle english = Theme.messages(Locale.ENGLISH);
            assertThat(english.getString("start.server.connect")).isEqualTo("Connect");
            assertThat(Theme.messages(Locale.forLanguageTag("es")).getString("start.server.connect")).isEqualTo("Conectar");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/queuedesk/desktop/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames().stream().collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
