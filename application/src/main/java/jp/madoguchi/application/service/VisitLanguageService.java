package jp.madoguchi.application.service;

import jp.madoguchi.application.port.in.VisitLanguageUseCase;
import jp.madoguchi.application.port.out.VisitLanguages;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/** Keeps the visit's language with its reception. */
public final class VisitLanguageService implements VisitLanguageUseCase {

    private final VisitLanguages languages;

    public VisitLanguageService(VisitLanguages languages) {
        this.languages = languages;
    }

    @Override
    public void choose(LocalGovernmentCode city, ReceptionNumber number, Language language) {
        if (!languages.set(city, number, language)) {
            throw new Rejection("reception.not-found", "受付番号 " + number.value() + " の受付はありません");
        }
    }

    @Override
    public Language of(LocalGovernmentCode city, ReceptionNumber number) {
        return languages.of(city, number).orElse(Language.JAPANESE);
    }
}
