package jp.madoguchi.adapters.devices.terminal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.PairedTerminal;
import jp.madoguchi.application.port.out.PairedTerminals;
import jp.madoguchi.application.port.out.SensitiveItems;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.TerminalId;
import org.jdbi.v3.core.Jdbi;

/** Paired terminals in PostgreSQL; each pairing key sealed like a 個人番号, so a database copy does not hold it. */
@Singleton
public class JdbiPairedTerminals implements PairedTerminals {

    private static final String COLUMNS = "terminal_id, label, registered_at, registered_by, revoked_at";

    static final String KEY_ITEM = "端末ペアリング鍵";

    private final Jdbi jdbi;
    private final SensitiveItems sensitive;

    public JdbiPairedTerminals(Jdbi jdbi, SensitiveItems sensitive) {
        this.jdbi = jdbi;
        this.sensitive = sensitive;
    }

    @Override
    public String pair(LocalGovernmentCode city, String terminalId, String label, Operator by, Instant at) {
        String id = requireTerminalId(terminalId);
        String name = label == null || label.isBlank() ? id : label.strip();
        String token = TerminalSeal.newToken();
        byte[] sealed = sensitive.seal(KEY_ITEM, place(city, id), Base64.getEncoder().encodeToString(TerminalSeal.keyOf(token)));
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO paired_terminal (city_code, terminal_id, label, key_sealed, registered_at, registered_by)
                        VALUES (:city, :id, :label, :key, :at, :by)
                        ON CONFLICT (city_code, terminal_id) DO UPDATE SET label = :label, key_sealed = :key,
                            registered_at = :at, registered_by = :by, revoked_at = NULL""")
                .bind("city", city.value())
                .bind("id", id)
                .bind("label", name)
                .bind("key", sealed)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("by", by.displayName())
                .execute());
        return token;
    }

    @Override
    public List<PairedTerminal> all(LocalGovernmentCode city) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM paired_terminal WHERE city_code = :city ORDER BY terminal_id")
                .bind("city", city.value())
                .map(JdbiPairedTerminals::terminal)
                .list());
    }

    @Override
    public boolean revoke(LocalGovernmentCode city, String terminalId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE paired_terminal SET revoked_at = :at
                        WHERE city_code = :city AND terminal_id = :id AND revoked_at IS NULL""")
                .bind("city", city.value())
                .bind("id", terminalId)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .execute()) > 0;
    }

    @Override
    public Optional<PairedTerminal> authenticate(LocalGovernmentCode city, String terminalId, String token) {
        byte[] offered;
        try {
            offered = TerminalSeal.keyOf(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return keyOf(city, terminalId)
                .filter(key -> java.security.MessageDigest.isEqual(key, offered))
                .flatMap(key -> active(city, terminalId));
    }

    @Override
    public Optional<PairedTerminal> active(LocalGovernmentCode city, String terminalId) {
        if (!TerminalId.isWellFormed(terminalId)) {
            return Optional.empty();
        }
        // asked at every kiosk request: one row by its key
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM paired_terminal"
                        + " WHERE city_code = :city AND terminal_id = :id AND revoked_at IS NULL")
                .bind("city", city.value())
                .bind("id", terminalId)
                .map(JdbiPairedTerminals::terminal)
                .findOne());
    }

    /** The seal of a terminal in force; empty when it is unknown or revoked. */
    Optional<TerminalSeal> sealOf(LocalGovernmentCode city, String terminalId) {
        return keyOf(city, terminalId).map(key -> TerminalSeal.of(key, terminalId));
    }

    private Optional<byte[]> keyOf(LocalGovernmentCode city, String terminalId) {
        if (!TerminalId.isWellFormed(terminalId)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT key_sealed FROM paired_terminal
                        WHERE city_code = :city AND terminal_id = :id AND revoked_at IS NULL""")
                .bind("city", city.value())
                .bind("id", terminalId)
                .mapTo(byte[].class)
                .findOne())
                .map(sealed -> Base64.getDecoder().decode(sensitive.open(KEY_ITEM, place(city, terminalId), sealed)));
    }

    /** A terminal's key opens only in its own row: copied to another terminal's, it is no key. */
    private static SensitiveItems.Place place(LocalGovernmentCode city, String terminalId) {
        return new SensitiveItems.Place("paired_terminal", "key_sealed", city.value() + "/" + terminalId);
    }

    private static PairedTerminal terminal(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new PairedTerminal(rs.getString("terminal_id"), rs.getString("label"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(), rs.getString("registered_by"),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null));
    }

    static String requireTerminalId(String terminalId) {
        return new TerminalId(terminalId).value();
    }
}
