package jp.madoguchi.domain.resident;

import java.util.Arrays;

/** 性別, with the codes of the linkage layouts and the card (1 男, 2 女, 9 その他). */
public enum Sex {
    MALE("1", "男"),
    FEMALE("2", "女"),
    OTHER("9", "その他");

    private final String code;
    private final String label;

    Sex(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Sex fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("性別コードは 1（男）、2（女）、9（その他）のいずれかです: " + code));
    }
}
