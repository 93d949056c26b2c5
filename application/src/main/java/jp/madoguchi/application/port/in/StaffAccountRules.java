package jp.madoguchi.application.port.in;

import java.util.Set;

import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.domain.staff.PasswordPolicy;

/** The checks every command that creates an account or sets a password makes, with the messages staff read. */
public final class StaffAccountRules {

    private StaffAccountRules() {
    }

    public static void requireUserId(String username) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{2,31}")) {
            throw new Rejection("staff.username-format", "ユーザーIDは英小文字で始まる3〜32文字の英小文字・数字・記号（. _ -）です");
        }
    }

    static void requirePassword(String username, String password) {
        PasswordPolicy.require(username, password);
    }

    static void requireRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new Rejection("staff.roles-missing", "役割を一つ以上選んでください");
        }
    }
}
