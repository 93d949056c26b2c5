package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.ProcedureRules;
import jp.madoguchi.domain.procedure.ProcedureRule;
import jp.madoguchi.domain.procedure.ProcedureRuleText;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Rule versions in PostgreSQL, stored as the text the administrator wrote plus the effective dates. Nothing is
 * cached: a rule published on one server is used by the next determination on every server.
 */
@Singleton
public class JdbiProcedureRules implements ProcedureRules {

    private static final String SEED_AUTHOR = "初期値（related-procedures.rules）";

    private final Jdbi jdbi;

    public JdbiProcedureRules(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<ProcedureRule> versions(LocalGovernmentCode city) {
        return history(city, null).stream().map(PublishedVersion::rule).toList();
    }

    @Override
    public List<PublishedVersion> history(LocalGovernmentCode city, String ruleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT definition, version, effective_from, effective_until, published_by, published_at
                          FROM procedure_rule
                         WHERE city_code = :city AND (CAST(:rule AS text) IS NULL OR rule_id = :rule)
                         ORDER BY position, version""")
                .bind("city", city.value()).bind("rule", ruleId)
                .map((rs, ctx) -> {
                    LocalDate from = rs.getObject(3, LocalDate.class);
                    ProcedureRule rule = ProcedureRuleText.parseOne(rs.getString(1), from)
                            .asVersion(rs.getInt(2), from, rs.getObject(4, LocalDate.class));
                    return new PublishedVersion(rule, rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant());
                }).list());
    }

    @Override
    public void publish(LocalGovernmentCode city, ProcedureRule rule, Operator by, Instant at) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO procedure_rule (city_code, rule_id, version, position, effective_from, effective_until,
                                                        definition, published_by, published_at)
                            VALUES (:city, :id, :version,
                                    COALESCE((SELECT min(position) FROM procedure_rule WHERE city_code = :city AND rule_id = :id),
                                             (SELECT COALESCE(max(position), 0) + 1 FROM procedure_rule WHERE city_code = :city)),
                                    :from, :until, :text, :by, :at)""")
                    .bind("city", city.value()).bind("id", rule.id()).bind("version", rule.version())
                    .bind("from", rule.effectiveFrom()).bind("until", rule.effectiveUntil()).bind("text", rule.text())
                    .bind("by", by.displayName() + "（" + by.id() + "）").bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("procedure_rule_pkey")) {
                throw new ConcurrentUpdateException("規則 " + rule.id() + " の第" + rule.version()
                        + "版は他の職員が先に公開しました。画面を読み込み直してから変更してください。");
            }
            throw e;
        }
    }

    @Override
    public int seedMissing(LocalGovernmentCode city, List<ProcedureRule> shipped, Instant at) {
        return jdbi.inTransaction(h -> {
            // one seeding at a time per city, so two servers starting together do not interleave positions
            h.createQuery("SELECT pg_advisory_xact_lock(hashtext('procedure_rule_seed:' || :city))::text")
                    .bind("city", city.value()).mapTo(String.class).findOne();
            int added = 0;
            for (ProcedureRule rule : shipped) {
                added += h.createUpdate("""
                                INSERT INTO procedure_rule (city_code, rule_id, version, position, effective_from, effective_until,
                                                            definition, published_by, published_at)
                                SELECT :city, :id, 1,
                                       (SELECT COALESCE(max(position), 0) + 1 FROM procedure_rule WHERE city_code = :city),
                                       :from, :until, :text, :by, :at
                                 WHERE NOT EXISTS (SELECT 1 FROM procedure_rule WHERE city_code = :city AND rule_id = :id)""")
                        .bind("city", city.value()).bind("id", rule.id()).bind("from", rule.effectiveFrom())
                        .bind("until", rule.effectiveUntil()).bind("text", rule.text()).bind("by", SEED_AUTHOR)
                        .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
            }
            return added;
        });
    }
}
