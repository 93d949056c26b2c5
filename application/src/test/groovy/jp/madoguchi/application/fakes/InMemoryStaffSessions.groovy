package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.StaffSessions

import java.time.Instant

/** Login sessions in a map; passes {@code StaffSessionsContract} like the PostgreSQL store. */
class InMemoryStaffSessions implements StaffSessions {

    final Map<String, StaffSession> sessions = [:]

    @Override
    synchronized void open(StaffSession session) {
        if (sessions.containsKey(session.id())) {
            throw new IllegalStateException('duplicate session')
        }
        sessions[session.id()] = session
    }

    @Override
    synchronized Optional<StaffSession> find(String id) {
        Optional.ofNullable(sessions[id])
    }

    @Override
    synchronized void end(String id, Instant at, String reason) {
        StaffSession s = sessions[id]
        if (s != null && s.endedAt() == null) {
            sessions[id] = ended(s, at, reason)
        }
    }

    @Override
    synchronized int endAllOf(String username, Instant at, String reason) {
        def open = sessions.values().findAll { it.username() == username && it.endedAt() == null }
        open.each { sessions[it.id()] = ended(it, at, reason) }
        open.size()
    }

    @Override
    synchronized int endOthers(String username, String keep, Instant at, String reason) {
        def open = sessions.values().findAll { it.username() == username && it.endedAt() == null && it.id() != keep }
        open.each { sessions[it.id()] = ended(it, at, reason) }
        open.size()
    }

    private static StaffSession ended(StaffSession s, Instant at, String reason) {
        new StaffSession(s.id(), s.city(), s.username(), s.startedAt(), s.expiresAt(), at, reason, s.secondFactorAt())
    }

    @Override
    synchronized void confirmSecondFactor(String id, Instant at) {
        StaffSession s = sessions[id]
        if (s != null) {
            sessions[id] = new StaffSession(s.id(), s.city(), s.username(), s.startedAt(), s.expiresAt(), s.endedAt(),
                    s.endedReason(), at)
        }
    }
}
