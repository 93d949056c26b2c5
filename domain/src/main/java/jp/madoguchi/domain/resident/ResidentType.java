package jp.madoguchi.domain.resident;

import java.util.Arrays;

/** 住民種別: 日本人住民 or 外国人住民 (住基法 第30条の45). */
public enum ResidentType {
    JAPANESE("1", "日本人"),
    FOREIGN("2", "外国人");

    private final String code;
    private final String label;

    ResidentType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static ResidentType fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("住民種別は 1（日本人）か 2（外国人）です: " + code));
    }
}
