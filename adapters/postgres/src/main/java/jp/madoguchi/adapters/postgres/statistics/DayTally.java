package jp.madoguchi.adapters.postgres.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.adapters.postgres.statistics.Slice.Angle;
import jp.madoguchi.adapters.postgres.statistics.Slice.Figure;
import org.jdbi.v3.core.Handle;

/**
 * Counts the visits of one day straight from the reception tables into slices: the day's rows of the read model, or
 * today, which is never stored. Reads the visits through the straight query's {@link StraightVisitStatisticsQuery#VISITS
 * VISITS} so that both count the same thing, and counts each angle as that query does.
 */
final class DayTally {

    private record Visit(String number, String channel, int weekday, int hour, boolean completed, Integer waiting,
                         Integer handling, Integer whole, String heardBy, String heardByName, long formsPrinted,
                         long signatures, long relatedSuggested, long relatedRemoved, List<String> bases) {
    }

    private record ProcedureOfVisit(String number, String code, String name, String lifeEvent, boolean adopted,
                                    boolean finished, Integer waiting, Integer handling) {
    }

    private record DepartmentOfVisit(String code, String name, boolean finished, Integer waiting, Integer handling) {
    }

    private DayTally() {
    }

    static Slices of(Handle h, String city, LocalDate day, String zone) {
        Slices slices = new Slices();
        Map<String, Visit> visits = new HashMap<>();
        for (Visit v : visits(h, city, day, zone)) {
            visits.put(v.number(), v);
            countVisit(slices, day, v);
        }
        Map<String, Set<String>> visitsPerProcedure = new HashMap<>();
        Map<String, Set<String>> finishedPerProcedure = new HashMap<>();
        Set<String> lifeEvents = new HashSet<>();
        for (ProcedureOfVisit p : procedures(h, city, day)) {
            slices.total().add(Figure.PROCEDURES, 1);
            slices.total().add(Figure.ADOPTED_RELATED, p.adopted() ? 1 : 0);
            // a procedure twice in one visit is one visit of it, but both its times count, as percentile_disc sees them
            Slice procedure = slices.slice(Angle.PROCEDURE, p.code(), p.name());
            procedure.waiting.add(p.waiting());
            procedure.handling.add(p.handling());
            if (visitsPerProcedure.computeIfAbsent(p.code(), c -> new HashSet<>()).add(p.number())) {
                procedure.visits++;
            }
            if (p.finished() && finishedPerProcedure.computeIfAbsent(p.code(), c -> new HashSet<>()).add(p.number())) {
                procedure.completed++;
            }
            if (lifeEvents.add(p.number() + "\n" + p.lifeEvent())) {
                Visit v = visits.get(p.number());
                slices.slice(Angle.LIFE_EVENT, p.lifeEvent(), p.lifeEvent()).count(v.completed(), v.waiting(), v.handling());
            }
        }
        for (DepartmentOfVisit d : departments(h, city, day)) {
            slices.slice(Angle.DEPARTMENT, d.code(), d.name()).count(d.finished(), d.waiting(), d.handling());
        }
        countReferrals(h, city, day, slices);
        countCounters(h, city, day, slices, visits);
        return slices;
    }

    /** Each visit once per counter it was called to, as {@link StraightVisitStatisticsQuery#COUNTERS} finds them. */
    private static void countCounters(Handle h, String city, LocalDate day, Slices slices, Map<String, Visit> visits) {
        h.createQuery(StraightVisitStatisticsQuery.VISITS + StraightVisitStatisticsQuery.COUNTERS
                        + "SELECT number, counter_code, counter_name FROM c")
                .bind("city", city).bind("from", day).bind("to", day)
                .map((rs, ctx) -> {
                    Visit v = visits.get(rs.getString(1));
                    slices.slice(Angle.COUNTER, rs.getString(2), rs.getString(3)).count(v.completed(), v.waiting(), v.handling());
                    return v;
                })
                .list();
    }

    private static void countVisit(Slices slices, LocalDate day, Visit v) {
        Slice total = slices.total();
        total.count(v.completed(), v.waiting(), v.handling());
        total.whole.add(v.whole());
        total.add(Figure.FORMS_PRINTED, v.formsPrinted());
        total.add(Figure.SIGNED_VISITS, v.signatures());
        total.add(Figure.RELATED_SUGGESTED, v.relatedSuggested());
        total.add(Figure.RELATED_REMOVED, v.relatedRemoved());
        total.add(Figure.WITHOUT_HANDWRITING, v.completed() && v.formsPrinted() > 0 ? 1 : 0);
        slices.slice(Angle.CHANNEL, v.channel(), v.channel()).count(v.completed(), v.waiting(), v.handling());
        for (String basis : v.bases()) {
            slices.slice(Angle.CHANNEL_BASIS, basis, basis).count(v.completed(), v.waiting(), v.handling());
        }
        if (v.heardBy() != null) {
            slices.slice(Angle.STAFF, v.heardBy(), v.heardByName()).count(v.completed(), v.waiting(), v.handling());
        }
        slices.slice(Angle.DAY, day.toString(), day.toString()).visits++;
        slices.slice(Angle.HOUR, v.weekday() + ":" + v.hour(), "").visits++;
    }

    private static List<Visit> visits(Handle h, String city, LocalDate day, String zone) {
        return h.createQuery(StraightVisitStatisticsQuery.VISITS + """
                        SELECT v.number, v.channel, extract(isodow FROM v.opened_at AT TIME ZONE :zone)::int,
                               extract(hour FROM v.opened_at AT TIME ZONE :zone)::int, v.completed_at IS NOT NULL,
                               v.waiting, v.handling, v.whole, v.heard_by, v.heard_by_name,
                               (SELECT count(*) FROM reception_form_print f WHERE f.city_code = :city AND f.number = v.number),
                               (SELECT count(*) FROM reception_signature s WHERE s.city_code = :city AND s.number = v.number),
                               (SELECT count(*) FROM related_procedure_item i
                                 WHERE i.city_code = :city AND i.number = v.number AND i.origin = 'RULE'),
                               (SELECT count(*) FROM related_procedure_item i
                                 WHERE i.city_code = :city AND i.number = v.number AND i.removed_at IS NOT NULL),
                               ARRAY(SELECT m.basis FROM reception_move_in m WHERE m.city_code = :city AND m.number = v.number)
                          FROM v""")
                .bind("city", city).bind("from", day).bind("to", day).bind("zone", zone)
                .map((rs, ctx) -> new Visit(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8), rs.getString(9),
                        rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                        List.of((String[]) rs.getArray(15).getArray())))
                .list();
    }

    /** 回付 per pair of departments, as {@link StraightVisitStatisticsQuery#REFERRALS} finds them. */
    private static void countReferrals(Handle h, String city, LocalDate day, Slices slices) {
        h.createQuery(StraightVisitStatisticsQuery.VISITS + StraightVisitStatisticsQuery.REFERRALS + """
                        SELECT from_code || '>' || to_code, min(from_name) || chr(9) || min(to_name), count(*)
                          FROM r GROUP BY from_code, to_code""")
                .bind("city", city).bind("from", day).bind("to", day)
                .map((rs, ctx) -> {
                    Slice pair = slices.slice(Angle.REFERRAL, rs.getString(1), rs.getString(2));
                    pair.visits += rs.getLong(3);
                    slices.total().add(Figure.REFERRALS, rs.getLong(3));
                    return pair;
                })
                .list();
    }

    private static List<ProcedureOfVisit> procedures(Handle h, String city, LocalDate day) {
        return h.createQuery(StraightVisitStatisticsQuery.VISITS + """
                        SELECT number, procedure_code, procedure_name, life_event, adopted, finished_at IS NOT NULL, waiting,
                               floor(extract(epoch FROM finished_at - heard_at) / 60)::int
                          FROM p""")
                .bind("city", city).bind("from", day).bind("to", day)
                .map((rs, ctx) -> new ProcedureOfVisit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8)))
                .list();
    }

    private static List<DepartmentOfVisit> departments(Handle h, String city, LocalDate day) {
        return h.createQuery(StraightVisitStatisticsQuery.VISITS + StraightVisitStatisticsQuery.DEPARTMENTS + """
                        SELECT department_code, department_name, finished_at IS NOT NULL, waiting,
                               floor(extract(epoch FROM finished_at - heard_at) / 60)::int
                          FROM d""")
                .bind("city", city).bind("from", day).bind("to", day)
                .map((rs, ctx) -> new DepartmentOfVisit(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        (Integer) rs.getObject(4), (Integer) rs.getObject(5)))
                .list();
    }
}
