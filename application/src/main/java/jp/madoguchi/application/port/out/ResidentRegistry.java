package jp.madoguchi.application.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.HouseholdNumber;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The local replica of the city's resident registry and business data (read side). */
public interface ResidentRegistry {

    /** The resident without the 個人番号, which stays sealed until {@link #individualNumberOf} is asked. */
    Optional<Resident> find(LocalGovernmentCode city, AddresseeNumber number);

    /** The foreign resident whose 在留カード（特別永住者証明書）has this number (12 characters, upper case). */
    Optional<Resident> byResidenceCardNumber(LocalGovernmentCode city, String cardNumber);

    /** Opens the resident's sealed 個人番号; empty when there is no such resident or the replica has none. */
    Optional<IndividualNumber> individualNumberOf(LocalGovernmentCode city, AddresseeNumber number);

    /** Residents (including 除票) born on a Gregorian day. */
    List<Resident> bornOn(LocalGovernmentCode city, LocalDate birthDate, int limit);

    /** Residents born on {@code birthDate} or whose 氏名 or 通称 has the match key {@code nameKey}. */
    List<Resident> bornOnOrNamed(LocalGovernmentCode city, LocalDate birthDate, String nameKey);

    /** By kana match key, from its start ({@code prefix}) or anywhere, at most {@code limit}, in kana order. */
    List<Resident> byKanaKey(LocalGovernmentCode city, String kanaKey, boolean prefix, int limit);

    List<Resident> householdMembers(LocalGovernmentCode city, HouseholdNumber number);

    Enrolments enrolments(LocalGovernmentCode city, AddresseeNumber number);
}
