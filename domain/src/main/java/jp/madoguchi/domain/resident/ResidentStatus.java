package jp.madoguchi.domain.resident;

import java.util.Arrays;

/** 住民状態: a current resident, or a 除票 person removed by 転出, 死亡 or another reason. */
public enum ResidentStatus {
    RESIDENT("1", "住民"),
    MOVED_OUT("2", "転出"),
    DECEASED("3", "死亡"),
    OTHER_REMOVAL("9", "その他消除");

    private final String code;
    private final String label;

    ResidentStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isRemoved() {
        return this != RESIDENT;
    }

    public static ResidentStatus fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("住民状態は 1, 2, 3, 9 のいずれかです: " + code));
    }
}
