package jp.madoguchi.adapters.postgres;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Calling;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionState;
import jp.madoguchi.domain.reception.TimelineEntry;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Receptions in PostgreSQL with optimistic locking: an update names the version it read, and finding none
 * means someone else got there first.
 */
@Singleton
public class JdbiReceptions implements Receptions {

    private final Jdbi jdbi;

    public JdbiReceptions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ReceptionNumber nextNumber(LocalGovernmentCode city, LocalDate day) {
        int serial = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO reception_counter (city_code, day, last_serial) VALUES (:city, :day, 1)
                        ON CONFLICT (city_code, day) DO UPDATE SET last_serial = reception_counter.last_serial + 1
                        RETURNING last_serial""")
                .bind("city", city.value()).bind("day", day).mapTo(Integer.class).one());
        return new ReceptionNumber(day, serial);
    }

    @Override
    public void add(Reception reception) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO reception (city_code, number, reception_day, serial, channel, addressee_number, state,
                                                   department_code, department_name, opened_at, completed_at, version)
                            VALUES (:city, :number, :day, :serial, :channel, :resident, :state, :departmentCode,
                                    :departmentName, :openedAt, :completedAt, 0)""")
                    .bind("city", reception.city().value())
                    .bind("number", reception.number().value())
                    .bind("day", reception.number().day())
                    .bind("serial", reception.number().serial())
                    .bind("channel", reception.channel().name())
                    .bind("resident", reception.resident().map(AddresseeNumber::value).orElse(null))
                    .bind("state", reception.state().name())
                    .bind("departmentCode", reception.department().code())
                    .bind("departmentName", reception.department().name())
                    .bind("openedAt", utc(reception.openedAt()))
                    .bind("completedAt", reception.completedAt().map(JdbiReceptions::utc).orElse(null))
                    .execute();
            writeProcedures(h, reception);
            insertTimeline(h, reception);
        });
    }

    @Override
    public void update(Reception reception) {
        Calling.Call last = reception.calling().last();
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE reception SET state = :state, addressee_number = :resident, department_code = :departmentCode,
                                   department_name = :departmentName, completed_at = :completedAt, version = version + 1,
                                   first_called_at = :firstCalledAt, call_counter_code = :counterCode,
                                   call_counter_name = :counterName, called_at = :calledAt, call_times = :callTimes,
                                   call_absent = :absent
                            WHERE city_code = :city AND number = :number AND version = :version""")
                    .bind("state", reception.state().name())
                    .bind("resident", reception.resident().map(AddresseeNumber::value).orElse(null))
                    .bind("departmentCode", reception.department().code())
                    .bind("departmentName", reception.department().name())
                    .bind("completedAt", reception.completedAt().map(JdbiReceptions::utc).orElse(null))
                    .bind("city", reception.city().value())
                    .bind("number", reception.number().value())
                    .bind("version", reception.version())
                    .bind("firstCalledAt", reception.calling().firstCalledAt() == null ? null : utc(reception.calling().firstCalledAt()))
                    .bind("counterCode", last == null ? null : last.counterCode())
                    .bind("counterName", last == null ? null : last.counterName())
                    .bind("calledAt", last == null ? null : utc(last.at()))
                    .bind("callTimes", last == null ? 0 : last.times())
                    .bind("absent", last != null && last.absent())
                    .execute();
            if (updated == 0) {
                throw ConcurrentUpdateException.onReception(reception.number());
            }
            // a visit's procedures change when related ones are adopted and as each department finishes its own;
            // the other steps (聞き取り, 確認, 印刷) leave them as they are
            if (reception.proceduresChanged()) {
                h.createUpdate("DELETE FROM reception_procedure WHERE city_code = :city AND number = :number")
                        .bind("city", reception.city().value())
                        .bind("number", reception.number().value())
                        .execute();
                writeProcedures(h, reception);
            }
            insertTimeline(h, reception);
        });
    }

    @Override
    public void appendTimeline(Reception reception) {
        jdbi.useTransaction(h -> {
            // the row lock orders concurrent appends and updates of one visit
            boolean found = h.createQuery("SELECT 1 FROM reception WHERE city_code = :city AND number = :number FOR UPDATE")
                    .bind("city", reception.city().value())
                    .bind("number", reception.number().value())
                    .mapTo(Integer.class).findOne().isPresent();
            if (!found) {
                throw new Rejection("reception.not-found", "受付番号 " + reception.number() + " の受付はありません");
            }
            insertTimeline(h, reception);
        });
    }

    private static void writeProcedures(Handle h, Reception reception) {
        List<Procedure> procedures = reception.procedures();
        for (int i = 0; i < procedures.size(); i++) {
            Procedure p = procedures.get(i);
            h.createUpdate("""
                            INSERT INTO reception_procedure (city_code, number, position, procedure_code, procedure_name,
                                                             department_code, department_name, life_event, adopted, finished_at)
                            VALUES (:city, :number, :position, :code, :name, :departmentCode, :departmentName, :lifeEvent,
                                    :adopted, :finishedAt)""")
                    .bind("city", reception.city().value())
                    .bind("number", reception.number().value())
                    .bind("position", i)
                    .bind("code", p.code())
                    .bind("name", p.name())
                    .bind("departmentCode", p.department().code())
                    .bind("departmentName", p.department().name())
                    .bind("lifeEvent", p.lifeEvent().name())
                    .bind("adopted", reception.adopted(p.code()))
                    .bind("finishedAt", reception.finishedAt(p.code()).map(JdbiReceptions::utc).orElse(null))
                    .execute();
        }
    }

    /** Appends the unsaved entries after whatever the store holds (someone may have appended meanwhile). */
    private static void insertTimeline(Handle h, Reception reception) {
        int next = h.createQuery("SELECT coalesce(max(seq) + 1, 0) FROM reception_timeline WHERE city_code = :city AND number = :number")
                .bind("city", reception.city().value())
                .bind("number", reception.number().value())
                .mapTo(Integer.class).one();
        for (TimelineEntry e : reception.unsavedTimeline()) {
            h.createUpdate("""
                            INSERT INTO reception_timeline (city_code, number, seq, at, state, operator_id, operator_name,
                                                            description, department_code, department_name, counter_code,
                                                            counter_name)
                            VALUES (:city, :number, :seq, :at, :state, :operatorId, :operatorName, :description,
                                    :departmentCode, :departmentName, :counterCode, :counterName)""")
                    .bind("city", reception.city().value())
                    .bind("number", reception.number().value())
                    .bind("seq", next++)
                    .bind("at", utc(e.at()))
                    .bind("state", e.state().name())
                    .bind("operatorId", e.operatorId())
                    .bind("operatorName", e.operatorName())
                    .bind("description", e.description())
                    .bind("departmentCode", e.department() == null ? null : e.department().code())
                    .bind("departmentName", e.department() == null ? null : e.department().name())
                    .bind("counterCode", e.counterCode())
                    .bind("counterName", e.counterName())
                    .execute();
        }
    }

    @Override
    public Optional<Reception> find(LocalGovernmentCode city, ReceptionNumber number) {
        return jdbi.withHandle(h -> load(h, city, "number = :key", q -> q.bind("key", number.value()), "number").stream().findFirst());
    }

    @Override
    public List<Reception> openedOn(LocalGovernmentCode city, LocalDate day) {
        return jdbi.withHandle(h -> load(h, city, "reception_day = :key", q -> q.bind("key", day), "number"));
    }

    @Override
    public List<Reception> search(LocalGovernmentCode city, Criteria criteria, int limit) {
        if (criteria.residents() != null && criteria.residents().isEmpty()) {
            return List.of();
        }
        List<String> conditions = new java.util.ArrayList<>(List.of("reception_day BETWEEN :from AND :to"));
        if (criteria.state() != null) {
            conditions.add("state = :state");
        }
        if (criteria.departmentCode() != null) {
            conditions.add("department_code = :department");
        }
        if (criteria.callNumber() != null) {
            conditions.add("serial = :serial");
        }
        if (criteria.procedureCode() != null) {
            conditions.add("""
                    EXISTS (SELECT 1 FROM reception_procedure p WHERE p.city_code = reception.city_code
                               AND p.number = reception.number AND p.procedure_code = :procedure)""");
        }
        if (criteria.residents() != null) {
            conditions.add("addressee_number IN (<residents>)");
        }
        return jdbi.withHandle(h -> load(h, city, String.join(" AND ", conditions), q -> {
            q.bind("from", criteria.from()).bind("to", criteria.to()).bind("limit", limit);
            if (criteria.state() != null) {
                q.bind("state", criteria.state().name());
            }
            if (criteria.departmentCode() != null) {
                q.bind("department", criteria.departmentCode());
            }
            if (criteria.callNumber() != null) {
                q.bind("serial", criteria.callNumber());
            }
            if (criteria.procedureCode() != null) {
                q.bind("procedure", criteria.procedureCode());
            }
            if (criteria.residents() != null) {
                q.bindList("residents", List.copyOf(criteria.residents()));
            }
        }, "reception_day DESC, serial DESC LIMIT :limit"));
    }

    private record Head(String number, String channel, String resident, String state, String departmentCode,
                        String departmentName, long version, Calling calling) {
    }

    private static Calling calling(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime first = rs.getObject("first_called_at", OffsetDateTime.class);
        OffsetDateTime at = rs.getObject("called_at", OffsetDateTime.class);
        return new Calling(first == null ? null : first.toInstant(), rs.getString("call_counter_code") == null ? null
                : new Calling.Call(rs.getString("call_counter_code"), rs.getString("call_counter_name"), at.toInstant(),
                        rs.getInt("call_times"), rs.getBoolean("call_absent")));
    }

    private record Row<T>(String number, T value) {
    }

    private record Listed(Procedure procedure, boolean adopted, java.time.Instant finishedAt) {
    }

    /**
     * Loads the visits that match {@code condition} in three queries (visits, their procedures, their
     * timelines), however many there are: the reception list is opened all day at every counter.
     */
    private static List<Reception> load(Handle h, LocalGovernmentCode city, String condition,
                                        java.util.function.Consumer<org.jdbi.v3.core.statement.Query> binds, String order) {
        org.jdbi.v3.core.statement.Query query = h.createQuery("SELECT number, channel, addressee_number, state, department_code, "
                        + "department_name, version, first_called_at, call_counter_code, call_counter_name, called_at, call_times, "
                        + "call_absent FROM reception WHERE city_code = :city AND " + condition + " ORDER BY " + order)
                .bind("city", city.value());
        binds.accept(query);
        List<Head> heads = query
                .map((rs, ctx) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), calling(rs)))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<String> numbers = heads.stream().map(Head::number).toList();
        Map<String, List<Listed>> procedures = h.createQuery("""
                        SELECT number, procedure_code, procedure_name, department_code, department_name, life_event,
                               adopted, finished_at
                        FROM reception_procedure WHERE city_code = :city AND number IN (<numbers>)
                        ORDER BY number, position""")
                .bind("city", city.value())
                .bindList("numbers", numbers)
                .map((rs, ctx) -> {
                    OffsetDateTime finishedAt = rs.getObject(8, OffsetDateTime.class);
                    return new Row<>(rs.getString(1), new Listed(new Procedure(rs.getString(2), rs.getString(3),
                            new Department(rs.getString(4), rs.getString(5)), LifeEvent.valueOf(rs.getString(6))),
                            rs.getBoolean(7), finishedAt == null ? null : finishedAt.toInstant()));
                })
                .collect(byNumber());
        Map<String, List<TimelineEntry>> timelines = h.createQuery("""
                        SELECT number, at, state, operator_id, operator_name, description, department_code, department_name,
                               counter_code, counter_name
                        FROM reception_timeline WHERE city_code = :city AND number IN (<numbers>)
                        ORDER BY number, seq""")
                .bind("city", city.value())
                .bindList("numbers", numbers)
                .map((rs, ctx) -> new Row<>(rs.getString(1), new TimelineEntry(rs.getObject(2, OffsetDateTime.class).toInstant(),
                        ReceptionState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7) == null ? null : new Department(rs.getString(7), rs.getString(8)), rs.getString(9),
                        rs.getString(10))))
                .collect(byNumber());
        // in the order the heads came (a search is newest first)
        return heads.stream().map(head -> {
            List<Listed> listed = procedures.getOrDefault(head.number(), List.of());
            return Reception.restore(city, ReceptionNumber.parse(head.number()),
                    Channel.valueOf(head.channel()), head.resident() == null ? null : new AddresseeNumber(head.resident()),
                    listed.stream().map(Listed::procedure).toList(), ReceptionState.valueOf(head.state()),
                    new Department(head.departmentCode(), head.departmentName()),
                    timelines.getOrDefault(head.number(), List.of()), head.version(), progress(listed), head.calling());
        }).toList();
    }

    private static Reception.Progress progress(List<Listed> listed) {
        Map<String, java.time.Instant> finished = new java.util.HashMap<>();
        listed.stream().filter(l -> l.finishedAt() != null).forEach(l -> finished.put(l.procedure().code(), l.finishedAt()));
        return new Reception.Progress(listed.stream().filter(Listed::adopted).map(l -> l.procedure().code())
                .collect(Collectors.toSet()), finished);
    }

    /** Groups rows by reception number, keeping their order. */
    private static <T> java.util.stream.Collector<Row<T>, ?, Map<String, List<T>>> byNumber() {
        return Collectors.groupingBy(Row::number, Collectors.mapping(Row::value, Collectors.toList()));
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
