package jp.madoguchi.application.port.out;

import java.util.Optional;

import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The language each visit is held in, kept with the reception. */
public interface VisitLanguages {

    /** @return false when there is no such reception */
    boolean set(LocalGovernmentCode city, ReceptionNumber number, Language language);

    Optional<Language> of(LocalGovernmentCode city, ReceptionNumber number);
}
