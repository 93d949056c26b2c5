package jp.madoguchi.domain.procedure;

/** ライフイベント: why a citizen comes to the city hall. The kiosk starts from this choice. */
public enum LifeEvent {
    MOVE_IN("転入"),
    MOVE_OUT("転出"),
    MOVE_WITHIN_CITY("転居"),
    HOUSEHOLD_CHANGE("世帯変更"),
    BIRTH("出生"),
    DEATH("死亡（おくやみ）"),
    MARRIAGE("婚姻"),
    DIVORCE("離婚"),
    CERTIFICATE("証明書の取得");

    private final String label;

    LifeEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
