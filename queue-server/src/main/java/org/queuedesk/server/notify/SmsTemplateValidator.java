package org.queuedesk.server.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToIntBiFunction;
import org.queuedesk.common.notify.SmsTemplateRequest;
import org.queuedesk.server.ground.ApiProblem;

/**
 * A service's own text for one kind of message in one language. An empty text means "back to the
 * default" and passes; any other text may use only the known placeholders and, with every placeholder
 * at its longest, must fit in {@link SmsService#MAX_SEGMENTS} SMS.
 */
final class SmsTemplateValidator {

    /** Segments a text takes with its placeholders at their longest, given the text and its language. */
    private final ToIntBiFunction<String, String> worstCaseSegments;

    SmsTemplateValidator(ToIntBiFunction<String, String> worstCaseSegments) {
        this.worstCaseSegments = worstCaseSegments;
    }

    void validate(SmsTemplateRequest request) {
        String language = request.language() == null ? "" : request.language().strip().toLowerCase(Locale.ROOT);
        if (!SmsTemplates.LANGUAGES.contains(language)) {
            throw ApiProblem.invalidField("language", "use one of " + SmsTemplates.LANGUAGES + ".");
        }
        try {
            SmsKind.fromWire(request.kind());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("kind", "use one of " + Arrays.stream(SmsKind.values())
                    .map(SmsKind::wireName).toList() + ".");
        }
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            return;
        }
        var unknown = SmsTemplates.unknownPlaceholders(text);
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalidField("text", "unknown placeholders " + unknown + "; use "
                    + SmsTemplates.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList() + ".");
        }
        int segments = worstCaseSegments.applyAsInt(text, language);
        if (segments > SmsService.MAX_SEGMENTS) {
            throw ApiProblem.invalidField("text", "too long: with long values filled in it takes " + segments
                    + " SMS (" + SmsSegments.encoding(text) + "); keep it to " + SmsService.MAX_SEGMENTS + ".");
        }
    }
}
