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
import jp.madoguchi.domain.shared.Operator;

/**
 * 住民検索: the lookups every screen uses. Card data and typed text are matched tolerantly (spaces, widths,
 * variation selectors, address notation); the replica is never changed by a search. Every lookup names who makes it
 * and is written to the access history (アクセス記録) with the 宛名番号 it returned.
 */
public interface SearchResidentsUseCase {

    /** The most results a list search returns; a clerk narrows the search rather than scroll further. */
    int LIMIT = 50;

    /** One resident's record: recorded as a view (閲覧) of that resident. */
    Optional<Resident> byAddresseeNumber(LocalGovernmentCode city, AddresseeNumber number, Operator by);

    /**
     * By the number on a 在留カード or 特別永住者証明書 (two letters, eight digits, two letters; spaces and width
     * ignored): recorded as a view of the resident found.
     *
     * @throws jp.madoguchi.domain.shared.Rejection when the text is not a card number
     */
    Optional<Resident> byResidenceCardNumber(LocalGovernmentCode city, String cardNumber, Operator by);

    /** 4情報 (氏名, 住所, 生年月日, 性別) as on a card, best candidate first; a current resident ranks above a 除票. */
    List<ResidentCandidate> byFourItems(LocalGovernmentCode city, FourItems items, Operator by);

    /** By フリガナ (カタカナ or ひらがな, spaces ignored), from the start or anywhere in it. */
    List<Resident> byKana(LocalGovernmentCode city, String kana, KanaMatch match, Operator by);

    List<Resident> byBirthDate(LocalGovernmentCode city, LocalDate birthDate, Operator by);

    /** The household with every member (including 除票 members as the source keeps them), 世帯主 first. */
    Optional<Household> household(LocalGovernmentCode city, HouseholdNumber number, Operator by);

    /**
     * 国保・後期高齢・介護・国民年金・児童手当 and the card and seal status of one resident; part of the view already
     * recorded by {@link #byAddresseeNumber}.
     */
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
