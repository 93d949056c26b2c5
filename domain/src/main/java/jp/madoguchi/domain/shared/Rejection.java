package jp.madoguchi.domain.shared;

/**
 * A request refused for a reason the person in front of the screen can act on (入力の誤り、見つからない受付、使えない
 * 操作). Only a rejection's message reaches a screen; any other exception is a fault, logged with a reference number
 * that the screen shows instead. The key names the rule for message files and tests; the message is the Japanese
 * wording with the values filled in.
 *
 * <p>It extends {@link IllegalArgumentException} because a rejected request is an argument the rules do not allow,
 * and so that value objects keep refusing bad input the way the JDK's own parsers do.
 */
public class Rejection extends IllegalArgumentException {

    private final String key;

    public Rejection(String key, String message) {
        super(message);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a message key");
        }
        this.key = key;
    }

    public Rejection(String key, String message, Throwable cause) {
        this(key, message);
        initCause(cause);
    }

    public String key() {
        return key;
    }
}
