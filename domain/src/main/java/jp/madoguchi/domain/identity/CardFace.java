package jp.madoguchi.domain.identity;

import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 基本4情報 as read from the My Number Card's 券面事項入力補助AP: 氏名, 住所, 生年月日, 性別, as UTF-8 text.
 *
 * <p>Card text need not carry the exact 戸籍 glyph, so card data identifies a resident but never overwrites
 * the registry's.
 *
 * @param birthDate as written on the chip (usually {@code YYYYMMDD})
 * @param sex       {@code null} when the card holds a code that is not 1, 2 or 9 (不明)
 */
public record CardFace(String name, String address, String birthDate, Sex sex) {

    public CardFace {
        if (name == null || name.isBlank() || address == null || address.isBlank()
                || birthDate == null || birthDate.isBlank()) {
            throw new Rejection("identity.card-face", "カードの基本4情報が欠けています");
        }
    }
}
