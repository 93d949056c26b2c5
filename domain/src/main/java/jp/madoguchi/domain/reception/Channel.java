package jp.madoguchi.domain.reception;

/** 受付経路: how the visit reached the counter. */
public enum Channel {
    /** 記載台（キオスク）. */
    KIOSK("記載台"),
    /** 窓口で職員が受付. */
    COUNTER("窓口"),
    /** 事前入力（スマートフォン等）のQRコード. */
    PRE_ENTRY("事前入力");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
