package jp.madoguchi.application.port.in;

import java.util.Set;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.staff.Permission;

/** 職員のログインとログアウト: password, lockout and the second factor, each recorded in the access history. */
public interface AuthenticateStaffUseCase {

    LoginOutcome logIn(LoginAttempt attempt);

    /** Ends the login's session and records the logout. */
    void loggedOut(LocalGovernmentCode city, String username, String terminal, String sessionId);

    /**
     * パスワードの変更 by the member: the current password first, then the new one under the policy. The member's other
     * logins end (a password someone else may know should not keep a session open); this one goes on.
     *
     * @throws jp.madoguchi.domain.shared.Rejection with what to fix: a wrong current password, a weak new one
     */
    void changePassword(ChangePasswordCommand command);

    /** @param sessionId the login the change is made from, which stays open */
    record ChangePasswordCommand(LocalGovernmentCode city, String username, String currentPassword, String newPassword,
                                 String terminal, String sessionId) {
        public ChangePasswordCommand {
            currentPassword = currentPassword == null ? "" : currentPassword;
            newPassword = newPassword == null ? "" : newPassword;
        }

        @Override
        public String toString() {
            return "ChangePasswordCommand[" + username + "]";
        }
    }

    /** Whether the login's session is still open (not logged out, ended by an administrator or past its lifetime). */
    boolean active(String sessionId);

    /**
     * The member as their account stands now (roles, permissions and departments read again), while the session is
     * open and the account enabled; for renewing a login token.
     */
    java.util.Optional<StaffMember> resume(String sessionId);

    /**
     * @param oneTimeCode the 6-digit code of the authenticator app, or blank when the page did not ask for one yet
     * @param terminal    where the attempt came from (the browser's address), for the access history
     * @param newPassword the password the member chooses when the current one must be replaced, else blank
     */
    record LoginAttempt(String username, String password, String oneTimeCode, String terminal, String newPassword) {
        public LoginAttempt {
            username = username == null ? "" : username.strip();
            password = password == null ? "" : password;
            oneTimeCode = oneTimeCode == null ? "" : oneTimeCode.replaceAll("\\s", "");
            terminal = terminal == null ? "" : terminal;
            newPassword = newPassword == null ? "" : newPassword;
        }

        public LoginAttempt(String username, String password, String oneTimeCode, String terminal) {
            this(username, password, oneTimeCode, terminal, "");
        }

        @Override
        public String toString() {
            return "LoginAttempt[" + username + "]";
        }
    }

    /** What the login page shows next. */
    sealed interface LoginOutcome {

        /**
         * Logged in: the permissions are those of all the member's roles.
         *
         * @param sessionId the login's session, named by its token and checked on every request
         */
        record LoggedIn(StaffMember member, String sessionId) implements LoginOutcome {
            @Override
            public String toString() {
                return "LoggedIn[" + member.username() + "]";
            }
        }

        /**
         * The password was right; now the code from the authenticator app.
         *
         * @param changePassword the member must also choose a new password (the current one was given to them)
         */
        record SecondFactorRequired(String username, String message, boolean changePassword) implements LoginOutcome {
        }

        /**
         * The password was right but someone else chose it (the one-time password of the first administrator): the
         * member chooses their own before going on, with the code when {@code askCode}.
         */
        record PasswordChangeRequired(String username, boolean askCode, String message) implements LoginOutcome {
        }

        /**
         * The password was right and a second factor is required but not yet set up: the page shows the secret
         * (as a QR code and as text) and asks for the first code to confirm it.
         */
        /** @param qrPng the provisioning URI as a QR code for the authenticator app */
        record SecondFactorEnrolment(String username, String secret, String provisioningUri, byte[] qrPng, String message,
                                     boolean changePassword) implements LoginOutcome {
            @Override
            public String toString() {
                return "SecondFactorEnrolment[" + username + "]";
            }
        }

        /** Refused, with what to tell the person at the terminal (never which of user ID or password was wrong). */
        record Refused(String message) implements LoginOutcome {
        }
    }

    /**
     * @param departments the 担当課 (codes) whose receptions the member serves; empty for every department (a role
     *                    without a department, such as an administrator's, serves all)
     */
    record StaffMember(LocalGovernmentCode city, String username, String displayName, Set<String> roles,
                       Set<Permission> permissions, Set<String> departments) {
        public StaffMember {
            roles = Set.copyOf(roles);
            permissions = Set.copyOf(permissions);
            departments = Set.copyOf(departments);
        }
    }
}
