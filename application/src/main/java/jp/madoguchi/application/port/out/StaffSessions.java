package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * ログイン中のセッション, kept in the database so that every server sees the same: a login token names its session,
 * and ending the session (logout, a disabled account, a changed role, a reset password or second factor, the end of
 * its lifetime) ends the login on every server at once.
 */
public interface StaffSessions {

    void open(StaffSession session);

    Optional<StaffSession> find(String id);

    /** Ends one session (logout); an ended one stays ended. */
    void end(String id, Instant at, String reason);

    /** Ends every open session of a member; returns how many. */
    int endAllOf(String username, Instant at, String reason);

    /** Ends every open session of a member but {@code keep} (the one the member is working in); returns how many. */
    int endOthers(String username, String keep, Instant at, String reason);

    /** The member gave the second factor again in this login (asked before a 個人番号 is shown). */
    void confirmSecondFactor(String id, Instant at);

    /**
     * @param expiresAt the absolute end of the session, however busy the member is
     * @param endedAt   when it was ended, or {@code null} while it is open
     */
    record StaffSession(String id, LocalGovernmentCode city, String username, Instant startedAt, Instant expiresAt,
                        Instant endedAt, String endedReason, Instant secondFactorAt) {
        public StaffSession {
            Objects.requireNonNull(id, "セッションIDがありません");
            Objects.requireNonNull(username, "ユーザーIDがありません");
        }

        /** A session in which no second factor was given (yet). */
        public StaffSession(String id, LocalGovernmentCode city, String username, Instant startedAt, Instant expiresAt,
                            Instant endedAt, String endedReason) {
            this(id, city, username, startedAt, expiresAt, endedAt, endedReason, null);
        }

        public boolean activeAt(Instant now) {
            return endedAt == null && now.isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "StaffSession[" + username + "]";
        }
    }
}
