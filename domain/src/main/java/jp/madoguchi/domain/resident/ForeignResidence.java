package jp.madoguchi.domain.resident;

import java.time.LocalDate;
import java.util.regex.Pattern;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 外国人住民の記載事項: 国籍・地域, 在留資格, 在留期間の満了日 (in 西暦), 在留カード等番号 and the 法第30条の45
 * category (1 中長期在留者, 2 特別永住者, 3 一時庇護許可者, 4 仮滞在許可者, 5 出生による経過滞在者, 6 国籍喪失による経過滞在者).
 */
public record ForeignResidence(
        String nationality,
        String residenceStatus,
        LocalDate periodOfStayEnds,
        String residenceCardNumber,
        String article30_45Category) {

    private static final Pattern CATEGORY = Pattern.compile("[1-6]");
    private static final Pattern RESIDENCE_CARD_NUMBER = Pattern.compile("[A-Z]{2}[0-9]{8}[A-Z]{2}");

    public ForeignResidence {
        if (nationality == null || nationality.isBlank()) {
            throw new Rejection("resident.foreign-residence", "国籍・地域がありません");
        }
        if (article30_45Category == null || !CATEGORY.matcher(article30_45Category).matches()) {
            throw new Rejection("resident.foreign-residence", "法30条の45区分は 1〜6 です: " + article30_45Category);
        }
        if (residenceCardNumber != null && !residenceCardNumber.isBlank()
                && !RESIDENCE_CARD_NUMBER.matcher(residenceCardNumber).matches()) {
            throw new Rejection("resident.foreign-residence", "在留カード等番号は英字2桁・数字8桁・英字2桁です: " + residenceCardNumber);
        }
    }
}
