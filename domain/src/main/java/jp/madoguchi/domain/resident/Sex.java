package jp.madoguchi.domain.resident;

import jp.madoguchi.domain.shared.Coded;

/** 性別, with the codes of the linkage layouts and the card (1 男, 2 女, 9 その他). */
public enum Sex implements Coded {
    MALE("1", "男"),
    FEMALE("2", "女"),
    OTHER("9", "その他");

    private final String code;
    private final String label;

    Sex(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public static Sex fromCode(String code) {
        return Coded.byCode(Sex.class, code, "性別コード", "1（男）、2（女）、9（その他）");
    }
}
