package jp.madoguchi.domain.resident;

import jp.madoguchi.domain.shared.Coded;

/** 住民種別: 日本人住民 or 外国人住民 (住基法 第30条の45). */
public enum ResidentType implements Coded {
    JAPANESE("1", "日本人"),
    FOREIGN("2", "外国人");

    private final String code;
    private final String label;

    ResidentType(String code, String label) {
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

    public static ResidentType fromCode(String code) {
        return Coded.byCode(ResidentType.class, code, "住民種別", "1（日本人）、2（外国人）");
    }
}
