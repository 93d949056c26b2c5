package jp.madoguchi.adapters.postgres;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.RelatedProcedureLists;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.RelatedProcedureList;
import jp.madoguchi.domain.procedure.RelatedProcedureList.Item;
import jp.madoguchi.domain.procedure.RelatedProcedureList.Removal;
import jp.madoguchi.domain.procedure.Suggestion;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A reception's related-procedure list in PostgreSQL. Saving rewrites the items in one transaction, guarded by
 * the list's version, so a clerk's removal and another clerk's re-determination cannot overwrite each other.
 */
@Singleton
public class JdbiRelatedProcedureLists implements RelatedProcedureLists {

    private final Jdbi jdbi;

    public JdbiRelatedProcedureLists(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<RelatedProcedureList> find(LocalGovernmentCode city, ReceptionNumber reception) {
        return jdbi.withHandle(h -> load(h, city, reception));
    }

    @Override
    public RelatedProcedureList save(LocalGovernmentCode city, ReceptionNumber reception, RelatedProcedureList list) {
        return jdbi.inTransaction(h -> {
            long next = list.version() + 1;
            int changed;
            List<String> keys = new ArrayList<>(list.answers().keySet());
            List<String> values = keys.stream().map(list.answers()::get).toList();
            if (list.version() == 0) {
                changed = h.createUpdate("""
                                INSERT INTO related_procedure_list (city_code, number, life_event, event_kind, event_date,
                                    answer_keys, answer_values, determined_at, determined_by, version)
                                VALUES (:city, :number, :event, :kind, :date, :keys, :values, :at, :by, 1)
                                ON CONFLICT (city_code, number) DO NOTHING""")
                        .bind("city", city.value()).bind("number", reception.value()).bind("event", list.event().name())
                        .bind("kind", list.kind()).bind("date", list.eventDate())
                        .bind("keys", keys.toArray(String[]::new)).bind("values", values.toArray(String[]::new))
                        .bind("at", OffsetDateTime.ofInstant(list.determinedAt(), ZoneOffset.UTC)).bind("by", list.determinedBy())
                        .execute();
            } else {
                changed = h.createUpdate("""
                                UPDATE related_procedure_list
                                   SET life_event = :event, event_kind = :kind, event_date = :date, answer_keys = :keys,
                                       answer_values = :values, determined_at = :at, determined_by = :by, version = :next
                                 WHERE city_code = :city AND number = :number AND version = :version""")
                        .bind("city", city.value()).bind("number", reception.value()).bind("event", list.event().name())
                        .bind("kind", list.kind()).bind("date", list.eventDate())
                        .bind("keys", keys.toArray(String[]::new)).bind("values", values.toArray(String[]::new))
                        .bind("at", OffsetDateTime.ofInstant(list.determinedAt(), ZoneOffset.UTC)).bind("by", list.determinedBy())
                        .bind("next", next).bind("version", list.version())
                        .execute();
            }
            if (changed != 1) {
                throw new ConcurrentUpdateException("受付番号 " + reception.value()
                        + " の関連手続は他の職員が先に変更しました。画面を読み込み直してから操作してください。");
            }
            h.createUpdate("DELETE FROM related_procedure_item WHERE city_code = :city AND number = :number")
                    .bind("city", city.value()).bind("number", reception.value()).execute();
            for (Item item : list.items()) {
                h.createUpdate("""
                                INSERT INTO related_procedure_item (city_code, number, seq, procedure_code, member_id, member_name,
                                    origin, removed_by, removed_at, removal_reason)
                                VALUES (:city, :number, :seq, :code, :member, :memberName, :origin, :removedBy, :removedAt, :why)""")
                        .bind("city", city.value()).bind("number", reception.value()).bind("seq", item.seq())
                        .bind("code", item.procedureCode()).bind("member", item.memberId()).bind("memberName", item.memberName())
                        .bind("origin", item.origin().name())
                        .bind("removedBy", item.removal() == null ? null : item.removal().by())
                        .bind("removedAt", item.removal() == null ? null : OffsetDateTime.ofInstant(item.removal().at(), ZoneOffset.UTC))
                        .bind("why", item.removal() == null ? null : item.removal().reason())
                        .execute();
                for (int i = 0; i < item.reasons().size(); i++) {
                    Suggestion.Reason r = item.reasons().get(i);
                    h.createUpdate("""
                                    INSERT INTO related_procedure_reason (city_code, number, seq, position, rule_id, rule_version,
                                        reason_ja, reason_en)
                                    VALUES (:city, :number, :seq, :position, :rule, :version, :ja, :en)""")
                            .bind("city", city.value()).bind("number", reception.value()).bind("seq", item.seq())
                            .bind("position", i).bind("rule", r.ruleId()).bind("version", r.ruleVersion())
                            .bind("ja", r.text().get("ja")).bind("en", r.text().get("en")).execute();
                }
            }
            return load(h, city, reception).orElseThrow();
        });
    }

    private static Optional<RelatedProcedureList> load(Handle h, LocalGovernmentCode city, ReceptionNumber reception) {
        Map<Integer, List<Suggestion.Reason>> reasons = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT seq, rule_id, rule_version, reason_ja, reason_en FROM related_procedure_reason
                         WHERE city_code = :city AND number = :number ORDER BY seq, position""")
                .bind("city", city.value()).bind("number", reception.value())
                .map((rs, ctx) -> {
                    Map<String, String> text = new LinkedHashMap<>();
                    text.put("ja", rs.getString(4));
                    if (rs.getString(5) != null) {
                        text.put("en", rs.getString(5));
                    }
                    reasons.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new Suggestion.Reason(rs.getString(2), rs.getInt(3), text));
                    return 0;
                }).list();
        List<Item> items = h.createQuery("""
                        SELECT seq, procedure_code, member_id, member_name, origin, removed_by, removed_at, removal_reason
                          FROM related_procedure_item WHERE city_code = :city AND number = :number ORDER BY seq""")
                .bind("city", city.value()).bind("number", reception.value())
                .map((rs, ctx) -> new Item(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        reasons.getOrDefault(rs.getInt(1), List.of()), RelatedProcedureList.Origin.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : new Removal(rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8))))
                .list();
        return h.createQuery("""
                        SELECT life_event, event_kind, event_date, answer_keys, answer_values, determined_at, determined_by, version
                          FROM related_procedure_list WHERE city_code = :city AND number = :number""")
                .bind("city", city.value()).bind("number", reception.value())
                .map((rs, ctx) -> {
                    String[] keys = (String[]) rs.getArray(4).getArray();
                    String[] values = (String[]) rs.getArray(5).getArray();
                    Map<String, String> answers = new LinkedHashMap<>();
                    for (int i = 0; i < keys.length; i++) {
                        answers.put(keys[i], values[i]);
                    }
                    return new RelatedProcedureList(LifeEvent.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getObject(3, LocalDate.class), answers, rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getString(7), items, rs.getLong(8));
                }).findOne();
    }
}
