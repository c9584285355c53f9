package org.queuedesk.desktop.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.json.Problem;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.ground.Theme;

/**
 * The kiosk in the patient's language all the way: services by the name an admin gave them in it,
 * refusals in its words (never the server's English), and the masked phone kept left to right in Arabic.
 */
class KioskTranslationsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final ServiceDto BLOOD = new ServiceDto(2, 1, "Blood tests", "B", 3, true,
            Map.of("es", "Análisis de sangre", "ar", "تحاليل الدم"));
    private static final String DETAIL = "Service 'Blood tests' is closed; it does not take tickets now.";

    /** Which of the kiosk's texts a patient should read for each refusal (status, type) → message key. */
    private static final Map<Problem, String> EXPECTED = Map.of(
            problem(409, "about:blank"), "kiosk.error.serviceClosed",
            problem(422, "about:blank"), "kiosk.error.serviceGone",
            problem(404, "about:blank"), "kiosk.error.serviceGone",
            problem(403, "about:blank"), "kiosk.error.outOfService",
            problem(401, "about:blank"), "kiosk.error.outOfService",
            problem(429, "about:blank"), "kiosk.error.limit",
            problem(500, "about:blank"), "kiosk.error.generic",
            problem(413, "about:blank"), "kiosk.error.generic",
            problem(409, "https://queuedesk.example/problems/service-closed"), "kiosk.error.serviceClosed",
            problem(409, "https://queuedesk.example/problems/something-new"), "kiosk.error.generic");

    private final KioskViewModelTest.FakeBackend backend = new KioskViewModelTest.FakeBackend();
    private final KioskViewModel kiosk = new KioskViewModel(new CurrentThreadExecutor(), backend,
            new KioskViewModelTest.FakePrinter(), new KioskViewModelTest.ManualTimers(),
            KioskSettings.defaults("2468").withTimes(Duration.ofSeconds(45), Duration.ofSeconds(10)), Theme::messages,
            Clock.fixed(Instant.parse("2026-11-23T09:15:00Z"), ZoneOffset.UTC), new SimpleBooleanProperty(false), () -> { });

    private static Problem problem(int status, String type) {
        return new Problem(type, "Conflict", status, DETAIL, "/api/tickets", null, null);
    }

    @Test
    void aRefusalIsShownInThePatientsLanguageAndNeverInTheServersWords() {
        for (Locale language : new Locale[] {SPANISH, ARABIC, Locale.ENGLISH}) {
            EXPECTED.forEach((problem, key) -> {
                kiosk.reset();
                kiosk.flow().chooseLanguage(language);
                kiosk.flow().chooseService(BLOOD);
                backend.failWith = new ApiException(problem.status(), problem);
                kiosk.flow().choosePrint();

                String shown = kiosk.flow().errorProperty().get();
                assertThat(shown).as(language + " " + problem.status() + " " + problem.type())
                        .isEqualTo(Theme.messages(language).getString(key))
                        .doesNotContain("Blood tests").doesNotContain("closed;");
            });
        }
    }

    @Test
    void theServiceIsShownAndPrintedByItsNameInThePatientsLanguage() {
        kiosk.load();
        kiosk.flow().chooseLanguage(SPANISH);
        kiosk.flow().chooseService(BLOOD);
        assertThat(kiosk.flow().issued().serviceNameProperty().get()).isEqualTo("Análisis de sangre");

        kiosk.reset();
        kiosk.flow().chooseLanguage(ARABIC);
        kiosk.flow().chooseService(BLOOD);
        assertThat(kiosk.flow().issued().serviceNameProperty().get()).isEqualTo("تحاليل الدم");

        kiosk.reset();
        kiosk.flow().chooseLanguage(Locale.ENGLISH);
        kiosk.flow().chooseService(BLOOD);
        assertThat(kiosk.flow().issued().serviceNameProperty().get()).as("no English name: the default").isEqualTo("Blood tests");
    }

    @Test
    void theMaskedPhoneIsEmbeddedLeftToRightInArabic() {
        kiosk.load();
        kiosk.flow().chooseLanguage(ARABIC);
        kiosk.flow().chooseService(BLOOD);
        kiosk.flow().chooseText();
        for (char key : "+34600123456".toCharArray()) {
            kiosk.flow().keypad().key(key);
        }
        kiosk.flow().sendPhone();

        // a LEFT-TO-RIGHT MARK on each side of the number (KioskArabicIT checks how it is drawn)
        String arabic = kiosk.flow().issued().deliveryProperty().get();
        assertThat(KioskArabicIT.visualOrder(arabic)).contains("+34\u2022\u2022\u2022\u2022\u2022\u2022456");
        assertThat(KioskArabicIT.visualOrder(arabic.replace("\u200E", ""))).as("without the marks: the issue's mirror image")
                .contains("456\u2022\u2022\u2022\u2022\u2022\u202234+");
        assertThat(arabic).contains("\u200E+34\u2022\u2022\u2022\u2022\u2022\u2022456\u200E");
    }
}
