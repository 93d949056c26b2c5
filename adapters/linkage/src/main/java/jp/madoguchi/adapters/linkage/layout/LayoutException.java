package jp.madoguchi.adapters.linkage.layout;

/** A layout file that cannot be used, with the place of the mistake. */
public class LayoutException extends RuntimeException {

    public LayoutException(String source, int line, String reason) {
        super("連携レイアウト " + source + (line > 0 ? " の " + line + " 行目" : "") + ": " + reason);
    }
}
