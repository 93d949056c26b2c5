package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.out.HandoffClients;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** The pull API's clients in PostgreSQL ({@code handoff_client}): a token's SHA-256, never the token. */
public class JdbiHandoffClients implements HandoffClients {

    private static final String COLUMNS = "id, city_code, name, token_sha256, created_at, created_by, revoked_at, "
            + "acknowledged_through, acknowledged_at";

    private final Jdbi jdbi;

    public JdbiHandoffClients(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long add(LocalGovernmentCode city, String name, String tokenSha256, String by, Instant at) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO handoff_client (city_code, name, token_sha256, created_at, created_by)
                        VALUES (:city, :name, :sha, :at, :by) RETURNING id""")
                .bind("city", city.value()).bind("name", name).bind("sha", tokenSha256).bind("at", utc(at)).bind("by", by)
                .mapTo(Long.class).one());
    }

    @Override
    public Optional<Client> findByToken(String tokenSha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM handoff_client WHERE token_sha256 = :sha")
                .bind("sha", tokenSha256).map((rs, ctx) -> client(rs)).findFirst());
    }

    @Override
    public List<Client> all(LocalGovernmentCode city) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM handoff_client WHERE city_code = :city ORDER BY id")
                .bind("city", city.value()).map((rs, ctx) -> client(rs)).list());
    }

    @Override
    public boolean revoke(LocalGovernmentCode city, long id, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE handoff_client SET revoked_at = :at WHERE id = :id AND city_code = :city AND revoked_at IS NULL""")
                .bind("id", id).bind("city", city.value()).bind("at", utc(at)).execute()) == 1;
    }

    @Override
    public long acknowledge(long id, long through, Instant at) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE handoff_client SET acknowledged_through = GREATEST(acknowledged_through, :through),
                                                  acknowledged_at = :at
                         WHERE id = :id RETURNING acknowledged_through""")
                .bind("id", id).bind("through", through).bind("at", utc(at)).mapTo(Long.class).one());
    }

    private static Client client(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        OffsetDateTime acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
        return new Client(rs.getLong("id"), new LocalGovernmentCode(rs.getString("city_code")), rs.getString("name"),
                rs.getString("token_sha256"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), revoked == null ? null : revoked.toInstant(),
                rs.getLong("acknowledged_through"), acknowledged == null ? null : acknowledged.toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
