package jp.madoguchi.kiosk.language;

import java.util.Optional;

import io.micronaut.context.AbstractMessageSource;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.PageTextsUseCase;
import jp.madoguchi.domain.language.Language;

/**
 * The texts behind {@code #{…}} in the pages, in the request's language ({@link CitizenLanguageResolver}). A key
 * the language lacks falls back to Japanese, so a city's new procedure shows in Japanese until its file has it (the
 * administrator's report lists what is missing). Keys under {@code staff.} are the staff pages' own (Japanese only):
 * one message source serves every page Madoguchi renders.
 */
@Singleton
public class CitizenMessageSource extends AbstractMessageSource {

    private static final String STAFF = "staff.";

    private final PageTextsUseCase texts;

    public CitizenMessageSource(PageTextsUseCase texts) {
        this.texts = texts;
    }

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        if (code.startsWith(STAFF)) {
            return texts.staffText(code);
        }
        Language language = Language.of(context.getLocale()).orElse(Language.JAPANESE);
        return own(language, code).or(() -> own(Language.JAPANESE, code));
    }

    /** The language's own text for the key, nothing when it has none. */
    public Optional<String> own(Language language, String code) {
        return texts.citizenText(language, code);
    }
}
