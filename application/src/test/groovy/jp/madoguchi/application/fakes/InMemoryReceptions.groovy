package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Rejection

import java.time.LocalDate

/** Receptions in memory, with the store's optimistic locking: each update names the version it read. */
class InMemoryReceptions implements Receptions {

    private final Map<String, Integer> serials = [:]
    private final Map<String, Reception> stored = [:]

    private static String key(LocalGovernmentCode city, ReceptionNumber number) {
        city.value() + '/' + number.value()
    }

    @Override
    synchronized ReceptionNumber nextNumber(LocalGovernmentCode city, LocalDate day) {
        int serial = serials.merge(city.value() + '/' + day, 1, Integer::sum)
        new ReceptionNumber(day, serial)
    }

    @Override
    synchronized void add(Reception reception) {
        if (stored.containsKey(key(reception.city(), reception.number()))) {
            throw new IllegalStateException('受付番号が重複しています: ' + reception.number())
        }
        stored[key(reception.city(), reception.number())] = copy(reception, reception.timeline(), 0)
    }

    @Override
    synchronized void update(Reception reception) {
        Reception current = stored[key(reception.city(), reception.number())]
        if (current == null || current.version() != reception.version()) {
            throw ConcurrentUpdateException.onReception(reception.number())
        }
        stored[key(reception.city(), reception.number())] = copy(reception,
                current.timeline() + reception.unsavedTimeline(), reception.version() + 1)
    }

    @Override
    synchronized void appendTimeline(Reception reception) {
        Reception current = stored[key(reception.city(), reception.number())]
        if (current == null) {
            throw new Rejection('reception.not-found', '受付番号 ' + reception.number() + ' の受付はありません')
        }
        stored[key(reception.city(), reception.number())] = copy(current,
                current.timeline() + reception.unsavedTimeline(), current.version())
    }

    @Override
    synchronized Optional<Reception> find(LocalGovernmentCode city, ReceptionNumber number) {
        Optional.ofNullable(stored[key(city, number)]).map { copy(it, it.timeline(), it.version()) }
    }

    @Override
    synchronized List<Reception> search(LocalGovernmentCode city, Receptions.Criteria c, int limit) {
        stored.values().findAll {
            it.city() == city && !it.number().day().isBefore(c.from()) && !it.number().day().isAfter(c.to()) &&
                    (c.state() == null || it.state() == c.state()) &&
                    (c.departmentCode() == null || it.department().code() == c.departmentCode()) &&
                    (c.callNumber() == null || it.number().callNumber() == c.callNumber()) &&
                    (c.procedureCode() == null || it.procedures()*.code().contains(c.procedureCode())) &&
                    (c.residents() == null || it.resident().map { r -> c.residents().contains(r.value()) }.orElse(false))
        }.sort { a, b -> b.number() <=> a.number() }.take(limit).collect { copy(it, it.timeline(), it.version()) }
    }

    synchronized List<Reception> openedOn(LocalGovernmentCode city, LocalDate day) {
        stored.values().findAll { it.city() == city && it.number().day() == day }
                .sort { it.number().serial() }
                .collect { copy(it, it.timeline(), it.version()) }
    }

    private static Reception copy(Reception r, List timeline, long version) {
        Reception.restore(r.city(), r.number(), r.channel(), r.resident().orElse(null), r.procedures(), r.state(),
                r.department(), List.copyOf(timeline), version, r.progress(), r.calling())
    }
}
