package jp.madoguchi.domain.shared;

import java.util.regex.Pattern;

/**
 * 端末ID: the name a kiosk or counter PC is registered under ({@code KIOSK-01}) — ASCII letters and digits, hyphen and
 * underscore, at most 32 characters, so it is safe in a log line, a file name and the access history alike.
 */
public record TerminalId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    public TerminalId {
        value = value == null ? "" : value.strip();
        if (!FORM.matcher(value).matches()) {
            throw new Rejection("terminal.id", "端末IDは半角の英数字・ハイフン・下線で、32文字までにしてください（例: KIOSK-02）。");
        }
    }

    /** Whether {@code text} is a terminal ID as typed, without the surrounding blanks a form may add. */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }
}
