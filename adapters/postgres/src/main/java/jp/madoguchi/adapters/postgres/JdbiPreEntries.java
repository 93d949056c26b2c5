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
    public void add(PreEntryCode code, List<String> procedureCodes, byte[] sealedAnswers, Instant createdAt,
                    Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO pre_entry (city_code, token_hash, procedure_codes, sealed_answers, created_at, expires_at)
                        VALUES (:city, :token, :procedures, :sealed, :created, :expires)""")
                .bind("city", code.city().value())
                .bind("token", hash(code))
                .bind("procedures", procedureCodes.toArray(String[]::new))
                .bind("sealed", sealedAnswers)
                .bind("created", utc(createdAt))
                .bind("expires", utc(expiresAt))
                .execute());
    }

    @Override
    public Optional<byte[]> sealedAnswers(PreEntryCode code) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT sealed_answers FROM pre_entry WHERE city_code = :city AND token_hash = :token""")
                .bind("city", code.city().value())
                .bind("token", hash(code))
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne()).filter(java.util.Objects::nonNull);
    }

    @Override
    public Optional<List<String>> use(PreEntryCode code, Instant now, String usedBy) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE pre_entry SET used_at = :now, used_by = :usedBy
                        WHERE city_code = :city AND token_hash = :token AND used_at IS NULL AND expires_at > :now
                        RETURNING procedure_codes""")
                .bind("city", code.city().value())
                .bind("token", hash(code))
                .bind("now", utc(now))
                .bind("usedBy", usedBy)
                .map((rs, ctx) -> Arrays.asList((String[]) rs.getArray(1).getArray()))
                .findOne());
    }

    @Override
    public Optional<ReceptionNumber> openedBy(PreEntryCode code, String usedBy, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT reception_number FROM pre_entry
                        WHERE city_code = :city AND token_hash = :token AND used_by = :usedBy AND used_at >= :since
                          AND reception_number IS NOT NULL""")
                .bind("city", code.city().value())
                .bind("token", hash(code))
                .bind("usedBy", usedBy)
                .bind("since", utc(since))
                .mapTo(String.class)
                .findOne()
                .map(ReceptionNumber::parse));
    }

    @Override
    public void opened(PreEntryCode code, ReceptionNumber reception) {
        jdbi.useHandle(h -> h.execute("UPDATE pre_entry SET reception_number = ? WHERE city_code = ? AND token_hash = ?",
                reception.value(), code.city().value(), hash(code)));
    }

    /** The code itself is never stored: its answers are sealed under it (V32). */
    private static String hash(PreEntryCode code) {
        return java.util.HexFormat.of().formatHex(sha256(code.token()));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
