package jp.madoguchi.application.port.in;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.resident.Household;
import jp.madoguchi.domain.resident.HouseholdNumber;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * 住民検索: the lookups every screen uses. Card data and typed text are matched tolerantly (spaces, widths,
 * variation selectors, address notation); the replica is never changed by a search.
 */
public interface SearchResidentsUseCase {

    /** The most results a list search returns; a clerk narrows the search rather than scroll further. */
    int LIMIT = 50;

    Optional<Resident> byAddresseeNumber(LocalGovernmentCode city, AddresseeNumber number);

    /** 4情報 (氏名, 住所, 生年月日, 性別) as on a card, best candidate first; a current resident ranks above a 除票. */
    List<ResidentCandidate> byFourItems(LocalGovernmentCode city, FourItems items);

    /** By フリガナ (カタカナ or ひらがな, spaces ignored), from the start or anywhere in it. */
    List<Resident> byKana(LocalGovernmentCode city, String kana, KanaMatch match);

    List<Resident> byBirthDate(LocalGovernmentCode city, LocalDate birthDate);

    /** The household with every member (including 除票 members as the source keeps them), 世帯主 first. */
    Optional<Household> household(LocalGovernmentCode city, HouseholdNumber number);

    /** 国保・後期高齢・介護・国民年金・児童手当 and the card and seal status of one resident. */
    Enrolments enrolments(LocalGovernmentCode city, AddresseeNumber number);

    enum KanaMatch { PREFIX, PARTIAL }

    /**
     * The four items as read from a card or typed by a clerk.
     *
     * @param birthDate the Gregorian birth date, or null when unknown
     */
    record FourItems(String name, String address, LocalDate birthDate, Sex sex) {
    }
}
