package jp.madoguchi.domain.moving;

/** What a 転入 is based on: the paper 転出証明書, or 特例転入 with the My Number Card (住基法 §24の2). */
public enum MoveInBasis {
    PAPER_CERTIFICATE("転出証明書"),
    SPECIAL_MOVE_IN("特例転入（マイナンバーカード）");

    private final String label;

    MoveInBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
