package jp.madoguchi.domain.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.madoguchi.domain.shared.Rejection;

/**
 * パスワードの条件, after NIST SP 800-63B rather than composition rules: long enough, not the user ID, not one of
 * the passwords every attacker tries first, not one repeated character. Composition rules ("a digit and a
 * symbol") only make people write passwords down at the counter.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 128;

    /** The commonest choices, including the local ones a city hall would see. */
    private static final Set<String> COMMON = Set.of(
            "password1234", "passw0rd1234", "123456789012", "qwertyuiopas", "1234567890ab", "abcdefghijkl",
            "iloveyou1234", "administrator", "administrator1", "welcome12345", "madoguchi123", "madoguchi1234",
            "shiyakusho123", "yakusho12345", "kakanaimadoguchi", "mynumbercard", "mynumber1234", "changeme1234",
            "letmein12345", "p@ssw0rd1234", "password123!", "qwerty123456", "111111111111", "000000000000");

    private PasswordPolicy() {
    }

    /** @throws IllegalArgumentException with every reason, for the page, when the password is refused */
    public static void require(String userId, String password) {
        List<String> problems = problems(userId, password);
        if (!problems.isEmpty()) {
            throw new Rejection("staff.password-policy", String.join("。", problems) + "。");
        }
    }

    /** The reasons the password is refused, in plain Japanese; empty when it is acceptable. */
    public static List<String> problems(String userId, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("パスワードを入力してください");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MINIMUM_LENGTH) {
            problems.add("パスワードは" + MINIMUM_LENGTH + "文字以上にしてください（いまは" + length + "文字）");
        }
        if (length > MAXIMUM_LENGTH) {
            problems.add("パスワードは" + MAXIMUM_LENGTH + "文字以内にしてください");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userId != null && !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            problems.add("パスワードにユーザーIDを含めないでください");
        }
        if (COMMON.contains(lower)) {
            problems.add("よく使われていて推測されやすいパスワードです。別のものにしてください");
        }
        if (password.codePoints().distinct().count() == 1) {
            problems.add("同じ文字の繰り返しだけのパスワードは使えません");
        }
        return problems;
    }
}
