package jp.madoguchi.domain.identity;

/**
 * The IC card a visitor identified themselves with at a reader: the My Number Card (券面事項入力補助AP), the
 * driving licence (運転免許証, 記載事項 read after 暗証番号1) or the 在留カード (opened with its number). Each is a
 * 本人確認書類 with a photo that suffices alone.
 */
public enum IdentityDocument {
    MY_NUMBER_CARD("マイナンバーカード"),
    DRIVERS_LICENSE("運転免許証"),
    /** 在留カード or 特別永住者証明書: the chip opens with the number printed on it, and holds no text of the name. */
    RESIDENCE_CARD("在留カード");

    private final String label;

    IdentityDocument(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
