package jp.madoguchi.domain.identity;

import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 基本4情報 as read from an IC card: the My Number Card's 券面事項入力補助AP (氏名, 住所, 生年月日, 性別, UTF-8), or
 * the 運転免許証's 記載事項 (氏名, 住所, 生年月日; a licence does not state 性別).
 *
 * <p>Card text need not carry the exact 戸籍 glyph, so card data identifies a resident but never overwrites
 * the registry's.
 *
 * @param birthDate as written on the chip ({@code YYYYMMDD}, or 和暦 text such as 昭和59年5月6日)
 * @param sex       {@code null} when the card does not state it (a licence) or holds a code that is not 1, 2 or 9
 * @param document  which card it was read from
 */
public record CardFace(String name, String address, String birthDate, Sex sex, IdentityDocument document) {

    public CardFace {
        if (name == null || name.isBlank() || address == null || address.isBlank()
                || birthDate == null || birthDate.isBlank()) {
            throw new Rejection("identity.card-face", "カードの基本4情報が欠けています");
        }
        document = document == null ? IdentityDocument.MY_NUMBER_CARD : document;
    }

    /** As read from a My Number Card. */
    public CardFace(String name, String address, String birthDate, Sex sex) {
        this(name, address, birthDate, sex, IdentityDocument.MY_NUMBER_CARD);
    }
}
