package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.PreEntries;
import jp.madoguchi.domain.reception.PreEntryCode;
import jp.madoguchi.domain.reception.ReceptionNumber;
import org.jdbi.v3.core.Jdbi;

/** 事前入力 in PostgreSQL; using a code is one conditional UPDATE, so it serves once however many kiosks scan it. */
@Singleton
public class JdbiPreEntries implements PreEntries {

    private final Jdbi jdbi;

    public JdbiPreEntries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(PreEntryCode code, List<String> procedureCodes, Instant createdAt, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO pre_entry (city_code, token, procedure_codes, created_at, expires_at)
                        VALUES (:city, :token, :procedures, :created, :expires)""")
                .bind("city", code.city().value())
                .bind("token", code.token())
                .bind("procedures", procedureCodes.toArray(String[]::new))
                .bind("created", utc(createdAt))
                .bind("expires", utc(expiresAt))
                .execute());
    }

    @Override
    public Optional<List<String>> use(PreEntryCode code, Instant now, String usedBy) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE pre_entry SET used_at = :now, used_by = :usedBy
                        WHERE city_code = :city AND token = :token AND used_at IS NULL AND expires_at > :now
                        RETURNING procedure_codes""")
                .bind("city", code.city().value())
                .bind("token", code.token())
                .bind("now", utc(now))
                .bind("usedBy", usedBy)
                .map((rs, ctx) -> Arrays.asList((String[]) rs.getArray(1).getArray()))
                .findOne());
    }

    @Override
    public Optional<ReceptionNumber> openedBy(PreEntryCode code, String usedBy, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT reception_number FROM pre_entry
                        WHERE city_code = :city AND token = :token AND used_by = :usedBy AND used_at >= :since
                          AND reception_number IS NOT NULL""")
                .bind("city", code.city().value())
                .bind("token", code.token())
                .bind("usedBy", usedBy)
                .bind("since", utc(since))
                .mapTo(String.class)
                .findOne()
                .map(ReceptionNumber::parse));
    }

    @Override
    public void opened(PreEntryCode code, ReceptionNumber reception) {
        jdbi.useHandle(h -> h.execute("UPDATE pre_entry SET reception_number = ? WHERE city_code = ? AND token = ?",
                reception.value(), code.city().value(), code.token()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
