package jp.madoguchi.domain.resident;

import jp.madoguchi.domain.shared.Coded;

/** 住民状態: a current resident, or a 除票 person removed by 転出, 死亡 or another reason. */
public enum ResidentStatus implements Coded {
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

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isRemoved() {
        return this != RESIDENT;
    }

    public static ResidentStatus fromCode(String code) {
        return Coded.byCode(ResidentStatus.class, code, "住民状態", "1（住民）、2（転出）、3（死亡）、9（その他消除）");
    }
}
