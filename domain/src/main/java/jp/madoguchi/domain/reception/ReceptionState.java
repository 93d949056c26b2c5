package jp.madoguchi.domain.reception;

/**
 * 受付の状態. A visit normally runs 受付 → 聞き取り → 確認 → 印刷 → 完了; at any point before 完了 it can be
 * sent on to another department (回付), where it starts again at 聞き取り.
 */
public enum ReceptionState {
    RECEIVED("受付"),
    HEARING("聞き取り"),
    CONFIRMING("確認"),
    PRINTED("印刷"),
    COMPLETED("完了"),
    REFERRED("回付");

    private final String label;

    ReceptionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state that follows in the normal flow, if a step leads from here. */
    boolean canMoveTo(ReceptionState next) {
        return switch (this) {
            case RECEIVED, REFERRED -> next == HEARING;
            case HEARING -> next == CONFIRMING;
            case CONFIRMING -> next == PRINTED;
            case PRINTED -> next == COMPLETED;
            case COMPLETED -> false;
        };
    }
}
