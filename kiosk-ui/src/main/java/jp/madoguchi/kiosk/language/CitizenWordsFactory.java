package jp.madoguchi.kiosk.language;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.PageTextsUseCase;
import jp.madoguchi.domain.language.Language;

/** Makes the {@link CitizenWords} of one page's language. */
@Singleton
public class CitizenWordsFactory {

    private final CitizenMessageSource messages;
    private final PageTextsUseCase texts;
    private final ListProceduresUseCase procedures;

    public CitizenWordsFactory(CitizenMessageSource messages, PageTextsUseCase texts, ListProceduresUseCase procedures) {
        this.messages = messages;
        this.texts = texts;
        this.procedures = procedures;
    }

    public CitizenWords in(Language language) {
        return new CitizenWords(language, messages, texts, procedures);
    }
}
