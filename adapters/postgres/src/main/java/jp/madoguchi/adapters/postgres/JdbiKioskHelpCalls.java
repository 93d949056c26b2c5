package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.KioskHelpCalls;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** The kiosks' calls for staff in {@code kiosk_help_call}; one open call per kiosk, kept by a partial unique index. */
@Singleton
public class JdbiKioskHelpCalls implements KioskHelpCalls {

    private final Jdbi jdbi;

    public JdbiKioskHelpCalls(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void call(LocalGovernmentCode city, String terminalId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO kiosk_help_call (city_code, terminal_id, called_at) VALUES (:city, :terminal, :at)
                        ON CONFLICT (city_code, terminal_id) WHERE answered_at IS NULL DO NOTHING""")
                .bind("city", city.value()).bind("terminal", terminalId).bind("at", utc(at))
                .execute());
    }

    @Override
    public List<OpenCall> open(LocalGovernmentCode city) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT terminal_id, called_at FROM kiosk_help_call
                         WHERE city_code = :city AND answered_at IS NULL ORDER BY called_at, terminal_id""")
                .bind("city", city.value())
                .map((rs, ctx) -> new OpenCall(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list());
    }

    @Override
    public boolean answer(LocalGovernmentCode city, String terminalId, String staffId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE kiosk_help_call SET answered_at = :at, answered_by = :staff
                         WHERE city_code = :city AND terminal_id = :terminal AND answered_at IS NULL""")
                .bind("city", city.value()).bind("terminal", terminalId).bind("staff", staffId).bind("at", utc(at))
                .execute()) == 1;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
