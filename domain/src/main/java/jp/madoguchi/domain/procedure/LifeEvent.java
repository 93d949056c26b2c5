package jp.madoguchi.domain.procedure;

import java.util.List;
import java.util.Optional;

/**
 * ライフイベント: why a citizen comes to the city hall. The kiosk starts from this choice; the related procedures
 * are determined from it. Some events come in kinds (種類) that the rules may tell apart, e.g. 転入 from within
 * Japan, from abroad, or as 特例転入 with the My Number Card.
 */
public enum LifeEvent {
    MOVE_IN("転入", "国内", "国外から", "特例"),
    MOVE_OUT("転出", "国内", "国外へ", "特例"),
    MOVE_WITHIN_CITY("転居"),
    HOUSEHOLD_CHANGE("世帯変更", "世帯主変更", "世帯分離", "世帯合併"),
    BIRTH("出生"),
    DEATH("死亡（おくやみ）"),
    MARRIAGE("婚姻"),
    DIVORCE("離婚"),
    CERTIFICATE("証明書の取得");

    private final String label;
    private final List<String> kinds;

    LifeEvent(String label, String... kinds) {
        this.label = label;
        this.kinds = List.of(kinds);
    }

    public String label() {
        return label;
    }

    /** The kinds (種類) of this event, in the order the counter asks; empty when it has none. */
    public List<String> kinds() {
        return kinds;
    }

    /** The event named by its label (転入) or its code (MOVE_IN); 「死亡」 names 死亡（おくやみ）. */
    public static Optional<LifeEvent> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (LifeEvent e : values()) {
            if (e.name().equals(t) || e.label.equals(t) || e.label.startsWith(t + "（")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
