package jp.madoguchi.adapters.linkage.layout;

/** 型 of a column in a linkage layout (docs/architecture.md, forward linkage): N digits, T text, C code, D date, YM year-month, TS time stamp. */
public enum ItemType {
    DIGITS("N"),
    TEXT("T"),
    CODE("C"),
    DATE("D"),
    YEAR_MONTH("YM"),
    TIMESTAMP("TS");

    private final String symbol;

    ItemType(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
