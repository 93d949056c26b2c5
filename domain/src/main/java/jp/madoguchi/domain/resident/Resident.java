package jp.madoguchi.domain.resident;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 住民: one person in the city's resident registry replica, as the 住民記録 system delivered them (linkage
 * 001o005). Madoguchi never edits a resident; the core system does, and the replica follows.
 *
 * @param city             the 地方公共団体 whose registry this is
 * @param headOfHouseholdName 世帯主の氏名 as registered (may be absent: 標準仕様 1.1.10)
 * @param domicile         本籍 (日本人), may be 「なし」 or 「不明」
 * @param domicileHead     筆頭者
 * @param foreignResidence 外国人住民の記載事項, present exactly for foreign residents
 * @param individualNumber 個人番号, may be absent in the replica
 */
public record Resident(
        LocalGovernmentCode city,
        AddresseeNumber addresseeNumber,
        HouseholdNumber householdNumber,
        ResidentType type,
        ResidentStatus status,
        PersonName name,
        WarekiDate birthDate,
        Sex sex,
        Relationship relationship,
        String headOfHouseholdName,
        Address address,
        String domicile,
        String domicileHead,
        ForeignResidence foreignResidence,
        IndividualNumber individualNumber) {

    public Resident {
        Objects.requireNonNull(city, "地方公共団体コードがありません");
        Objects.requireNonNull(addresseeNumber, "宛名番号がありません");
        Objects.requireNonNull(householdNumber, "世帯番号がありません");
        Objects.requireNonNull(type, "住民種別がありません");
        Objects.requireNonNull(status, "住民状態がありません");
        Objects.requireNonNull(name, "氏名がありません");
        Objects.requireNonNull(birthDate, "生年月日がありません");
        Objects.requireNonNull(sex, "性別がありません");
        Objects.requireNonNull(relationship, "続柄がありません");
        Objects.requireNonNull(address, "住所がありません");
        if (type == ResidentType.FOREIGN && foreignResidence == null) {
            throw new Rejection("resident.resident", "外国人住民には国籍・在留資格等が必要です");
        }
        if (type == ResidentType.JAPANESE && foreignResidence != null) {
            throw new Rejection("resident.resident", "日本人住民に在留資格等は記載できません");
        }
        if (type == ResidentType.JAPANESE && name.alias() != null) {
            throw new Rejection("resident.resident", "通称は外国人住民だけに記載できます");
        }
        if (address.code() != null && !address.code().cityPart().equals(city.value().substring(0, 5))) {
            throw new Rejection("resident.resident", "住所コードが地方公共団体コードの市区町村と一致しません");
        }
    }

    public boolean isForeign() {
        return type == ResidentType.FOREIGN;
    }

    public boolean isHeadOfHousehold() {
        return relationship.isHeadOfHousehold();
    }

    public Optional<IndividualNumber> individualNumberIfKnown() {
        return Optional.ofNullable(individualNumber);
    }

    /** 満年齢 on a day, when the birth date is an exact calendar date. */
    public OptionalInt ageOn(LocalDate day) {
        return birthDate.toLocalDate()
                .map(born -> OptionalInt.of(Period.between(born, day).getYears()))
                .orElse(OptionalInt.empty());
    }

    /** 生年月日 as the certificate shows it: 和暦 for 日本人, 西暦 for 外国人 (標準仕様 1.1.9). */
    public String birthDateForDisplay() {
        return isForeign() ? birthDate.formatGregorian() : birthDate.format();
    }

    /** The name to use when addressing the person: 通称 when a foreign resident has one. */
    public String nameForDisplay() {
        return name.alias() != null ? name.alias() : name.name();
    }
}
