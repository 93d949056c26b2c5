package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Form versions in PostgreSQL, as the text that defines them. */
@Singleton
public class JdbiFormDefinitions implements FormDefinitions {

    private static final String SEED_AUTHOR = "出荷時の様式";

    private final Jdbi jdbi;

    public JdbiFormDefinitions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<StoredForm> versions(LocalGovernmentCode city) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT form_id, version, effective_from, definition, published_by, published_at
                          FROM form_definition WHERE city_code = :city ORDER BY form_id, version""")
                .bind("city", city.value())
                .map((rs, ctx) -> new StoredForm(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list());
    }

    @Override
    public void publish(LocalGovernmentCode city, StoredForm form, Operator by, Instant at) {
        try {
            jdbi.useHandle(h -> insert(h, city, form, by.displayName() + "（" + by.id() + "）", at, false));
        } catch (UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("form_definition_pkey")) {
                throw new ConcurrentUpdateException("様式 " + form.id() + " の第" + form.version()
                        + "版は他の職員が先に公開しました。画面を読み込み直してから変更してください。");
            }
            throw e;
        }
    }

    @Override
    public int seedMissing(LocalGovernmentCode city, List<StoredForm> shipped, Instant at) {
        return jdbi.inTransaction(h -> {
            int added = 0;
            for (StoredForm form : shipped) {
                added += insert(h, city, form, SEED_AUTHOR, at, true);
            }
            return added;
        });
    }

    @Override
    public int updateShipped(LocalGovernmentCode city, List<StoredForm> shipped, java.time.LocalDate from, Instant at) {
        return jdbi.inTransaction(h -> {
            int updated = 0;
            for (StoredForm form : shipped) {
                // the newest version, locked: two servers starting at once add one new version, not two
                var newest = h.createQuery("""
                                SELECT version, definition, published_by FROM form_definition
                                 WHERE city_code = :city AND form_id = :id ORDER BY version DESC LIMIT 1 FOR UPDATE""")
                        .bind("city", city.value()).bind("id", form.id()).mapToMap().findOne();
                if (newest.isPresent() && SEED_AUTHOR.equals(newest.get().get("published_by"))
                        && !form.text().equals(newest.get().get("definition"))) {
                    int next = ((Number) newest.get().get("version")).intValue() + 1;
                    updated += insert(h, city, new StoredForm(form.id(), next, from, form.text(), SEED_AUTHOR, at),
                            SEED_AUTHOR, at, false);
                }
            }
            return updated;
        });
    }

    private static int insert(org.jdbi.v3.core.Handle h, LocalGovernmentCode city, StoredForm form, String by, Instant at,
                              boolean onlyIfNew) {
        return h.createUpdate("""
                        INSERT INTO form_definition (city_code, form_id, version, effective_from, definition, published_by, published_at)
                        SELECT :city, :id, :version, :from, :text, :by, :at
                         WHERE NOT :onlyIfNew OR NOT EXISTS (SELECT 1 FROM form_definition WHERE city_code = :city AND form_id = :id)""")
                .bind("city", city.value()).bind("id", form.id()).bind("version", form.version())
                .bind("from", form.effectiveFrom()).bind("text", form.text()).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("onlyIfNew", onlyIfNew)
                .execute();
    }
}
