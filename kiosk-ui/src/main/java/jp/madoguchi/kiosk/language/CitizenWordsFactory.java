package jp.madoguchi.kiosk.language;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.domain.language.Language;

/** Makes the {@link CitizenWords} of one page's language. */
@Singleton
public class CitizenWordsFactory {

    private final CitizenMessageSource messages;
    private final GuidanceCatalogue guidance;
    private final ListProceduresUseCase procedures;

    public CitizenWordsFactory(CitizenMessageSource messages, GuidanceCatalogue guidance, ListProceduresUseCase procedures) {
        this.messages = messages;
        this.guidance = guidance;
        this.procedures = procedures;
    }

    public CitizenWords in(Language language) {
        return new CitizenWords(language, messages, guidance, procedures);
    }
}
