package jp.madoguchi.kiosk.language;

import java.util.Optional;

import io.micronaut.context.AbstractMessageSource;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.CitizenTexts;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.StaffTexts;
import jp.madoguchi.domain.language.Language;

/**
 * The texts behind {@code #{…}} in the citizen's pages, in the request's language ({@link CitizenLanguageResolver}).
 * A key the language lacks falls back to Japanese, so a city's new procedure shows in Japanese until its file has
 * it (the administrator's report lists what is missing). Procedure names ({@code procedure.<コード>}) are the guidance
 * sheet's, so the screen and the sheet name a procedure alike. Keys under {@code staff.} are the staff pages' own
 * (Japanese only, {@link StaffTexts}): one message source serves every page Madoguchi renders.
 */
@Singleton
public class CitizenMessageSource extends AbstractMessageSource {

    private static final String PROCEDURE = "procedure.";

    private static final String STAFF = "staff.";

    private final CitizenTexts texts;
    private final StaffTexts staff;
    private final GuidanceCatalogue guidance;

    public CitizenMessageSource(CitizenTexts texts, StaffTexts staff, GuidanceCatalogue guidance) {
        this.texts = texts;
        this.staff = staff;
        this.guidance = guidance;
    }

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        if (code.startsWith(STAFF)) {
            return staff.staffText(code);
        }
        Language language = Language.of(context.getLocale()).orElse(Language.JAPANESE);
        return own(language, code).or(() -> own(Language.JAPANESE, code));
    }

    /** The language's own text for the key, nothing when it has none. */
    public Optional<String> own(Language language, String code) {
        if (code.startsWith(PROCEDURE)) {
            String procedure = code.substring(PROCEDURE.length());
            Optional<String> text = texts.text(language, code);
            if (text.isPresent()) {
                return text;
            }
            String sheetLanguage = language.japanese() ? "ja" : language.code();
            return guidance.procedure(procedure, sheetLanguage).map(GuidanceCatalogue.ProcedureGuide::name);
        }
        return texts.text(language, code);
    }
}
