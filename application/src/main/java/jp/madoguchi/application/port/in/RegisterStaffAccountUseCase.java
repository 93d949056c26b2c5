package jp.madoguchi.application.port.in;

import java.util.Set;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 職員アカウントの登録. */
public interface RegisterStaffAccountUseCase {

    /** The roles a member of staff can have. */
    Set<String> ROLES = Set.of("CLERK", "SUPERVISOR", "ADMINISTRATOR");

    /** Registers the account unless the username exists; returns whether it was created. */
    boolean registerIfAbsent(RegisterStaffCommand command);

    record RegisterStaffCommand(LocalGovernmentCode city, String username, String displayName, String password,
                                Set<String> roles) {
        public RegisterStaffCommand {
            if (username == null || !username.matches("[a-z][a-z0-9._-]{2,31}")) {
                throw new IllegalArgumentException("ユーザーIDは英小文字で始まる3〜32文字の英数字です");
            }
            if (password == null || password.length() < 10) {
                throw new IllegalArgumentException("パスワードは10文字以上にしてください");
            }
            if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
                throw new IllegalArgumentException("役割は " + ROLES + " から選んでください");
            }
            roles = Set.copyOf(roles);
        }

        @Override
        public String toString() {
            return "RegisterStaffCommand[" + username + ", roles=" + roles + "]";
        }
    }
}
