package jp.madoguchi.application.port.in;

import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The citizen's language follows the visit: chosen at the kiosk (or changed on the counter tablet), it is the
 * language of the tablet's confirmation, the reception slip and the guidance sheet (手続案内書).
 */
public interface VisitLanguageUseCase {

    void choose(LocalGovernmentCode city, ReceptionNumber number, Language language);

    /** Japanese when the visit was taken in Japanese, at the counter, or is not known. */
    Language of(LocalGovernmentCode city, ReceptionNumber number);
}
