package jp.madoguchi.domain.procedure;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * 世帯員: what the rules may know of one member of the household on the event date. Ages and the school stage
 * are computed from the birth date; everything else (国保, カード, 世帯主 …) is given as the registry and the
 * business systems state it.
 *
 * @param id        宛名番号, or a temporary key for someone not (yet) in the registry (a 転入 family member)
 * @param birthDate {@code null} for a 不詳日: conditions on the age then never hold
 * @param facts     values of the member facts other than 年齢 and 学齢; a missing fact reads as its first
 *                  negative value (なし / いいえ)
 */
public record MemberFacts(String id, String name, LocalDate birthDate, Map<Fact, String> facts) {

    public MemberFacts {
        Objects.requireNonNull(id, "世帯員の番号がありません");
        Objects.requireNonNull(name, "世帯員の氏名がありません");
        EnumMap<Fact, String> copy = new EnumMap<>(Fact.class);
        copy.putAll(facts);
        facts = Map.copyOf(copy);
    }

    /** The value of a member fact on the event date, or null when it cannot be known. */
    public String value(Fact fact, LocalDate eventDate) {
        if (fact == Fact.AGE) {
            return birthDate == null ? null : String.valueOf(Period.between(birthDate, eventDate).getYears());
        }
        if (fact == Fact.SCHOOL_STAGE) {
            return birthDate == null ? null : schoolStage(eventDate);
        }
        String value = facts.get(fact);
        if (value != null) {
            return value;
        }
        if (fact.allowedValues().contains("なし")) {
            return "なし";
        }
        return fact.allowedValues().contains("いいえ") ? "いいえ" : null;
    }

    /**
     * 学齢 by the Japanese school year: children born from 2 April of one year to 1 April of the next enter
     * elementary school together, in the April after they turn six (学校教育法 §17).
     */
    private String schoolStage(LocalDate day) {
        int cohort = birthDate.isBefore(LocalDate.of(birthDate.getYear(), 4, 2)) ? birthDate.getYear() - 1 : birthDate.getYear();
        int schoolYear = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        int grade = schoolYear - (cohort + 7) + 1;
        if (grade < 1) {
            return "未就学";
        }
        return grade <= 6 ? "小学生" : grade <= 9 ? "中学生" : grade <= 12 ? "高校生相当" : "それ以上";
    }
}
