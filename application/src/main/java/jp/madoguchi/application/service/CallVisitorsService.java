package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.application.port.in.CallVisitorsUseCase;
import jp.madoguchi.application.port.in.ManageServiceCountersUseCase;
import jp.madoguchi.application.port.out.CallQueue;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ServiceCounters;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionStateException;
import jp.madoguchi.domain.reception.ServiceCounter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

public final class CallVisitorsService implements CallVisitorsUseCase, ManageServiceCountersUseCase {

    /**
     * Clerks pressing 「次の方」 at once skip each other's number (the queue locks it); a visit changed by someone else
     * meanwhile is passed over a few times at most.
     */
    private static final int ATTEMPTS = 5;

    private final Receptions receptions;
    private final CallQueue queue;
    private final ServiceCounters counters;
    private final ProcedureCatalogue catalogue;
    private final Transactions transactions;
    private final Clock clock;

    public CallVisitorsService(Receptions receptions, CallQueue queue, ServiceCounters counters,
                               ProcedureCatalogue catalogue, Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.receptions = receptions;
        this.queue = queue;
        this.counters = counters;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public List<ServiceCounter> counters(LocalGovernmentCode city) {
        List<ServiceCounter> all = counters.all(city);
        if (!all.isEmpty()) {
            return all;
        }
        for (Department department : catalogue.departments()) {
            counters.save(city, new ServiceCounter(firstCounterCode(department), "1番窓口", department));
        }
        return counters.all(city);
    }

    /** 「SHIMIN-1」 for 市民課 (SHIMIN): the department's code made a counter code. */
    private static String firstCounterCode(Department department) {
        String code = department.code().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_-]", "");
        return (code.isEmpty() ? "COUNTER" : code.substring(0, Math.min(code.length(), 18))) + "-1";
    }

    @Override
    public Optional<Reception> callNext(LocalGovernmentCode city, String counterCode, Operator by) {
        ServiceCounter counter = counter(city, counterCode);
        requireServes(by, counter);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transactions.inTransaction(() -> {
                    Optional<ReceptionNumber> next = queue.next(city, today(), counter.department().code());
                    if (next.isEmpty()) {
                        return Optional.<Reception>empty();
                    }
                    Reception reception = load(city, next.get());
                    reception.call(counter, by, clock.instant());
                    receptions.update(reception);
                    return Optional.of(reception);
                });
            } catch (ConcurrentUpdateException | ReceptionStateException e) {
                // someone changed this visit meanwhile (took it up, sent it on): read the queue again
            }
        }
        throw new Rejection("calling.busy", "呼出が混み合っています。もう一度「次の方を呼ぶ」を押してください。");
    }

    @Override
    public Reception call(LocalGovernmentCode city, ReceptionNumber number, String counterCode, Operator by) {
        ServiceCounter counter = counter(city, counterCode);
        requireServes(by, counter);
        try {
            return callAndStore(city, number, counter, by);
        } catch (ReceptionStateException e) {
            throw new Rejection("calling.state", e.getMessage());
        }
    }

    @Override
    public Reception recall(LocalGovernmentCode city, String counterCode, Operator by) {
        CalledNumber last = lastCallAt(city, counterCode);
        return call(city, last.number(), counterCode, by);
    }

    @Override
    public Reception markAbsent(LocalGovernmentCode city, String counterCode, Operator by) {
        CalledNumber last = lastCallAt(city, counterCode);
        requireServes(by, counter(city, counterCode));
        Reception reception = load(city, last.number());
        try {
            reception.markAbsent(by, clock.instant());
        } catch (ReceptionStateException e) {
            throw new Rejection("calling.state", e.getMessage());
        }
        receptions.update(reception);
        return reception;
    }

    @Override
    public CallBoard board(LocalGovernmentCode city) {
        LocalDate today = today();
        List<CalledNumber> calls = queue.called(city, today).stream()
                .map(c -> new CalledNumber(c.number().callNumber(), c.number(), c.counterCode(), c.counterName(), c.at(),
                        c.times(), c.waiting()))
                .toList();
        Map<String, Integer> waiting = queue.waiting(city, today);
        List<Waiting> perDepartment = catalogue.departments().stream()
                .map(d -> new Waiting(d.code(), d.name(), waiting.getOrDefault(d.code(), 0)))
                .toList();
        return new CallBoard(calls, perDepartment);
    }

    @Override
    public List<Department> departments() {
        return catalogue.departments();
    }

    @Override
    public ServiceCounter saveCounter(LocalGovernmentCode city, String code, String name, String departmentCode) {
        Department department = catalogue.departments().stream().filter(d -> d.code().equals(departmentCode)).findFirst()
                .orElseThrow(() -> new Rejection("counter.department", "課を選んでください"));
        ServiceCounter counter = new ServiceCounter(code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT),
                name, department);
        counters.save(city, counter);
        return counter;
    }

    @Override
    public void removeCounter(LocalGovernmentCode city, String code) {
        if (!counters.remove(city, code)) {
            throw new Rejection("counter.unknown", "窓口「" + code + "」はありません");
        }
    }

    private Reception callAndStore(LocalGovernmentCode city, ReceptionNumber number, ServiceCounter counter, Operator by) {
        Reception reception = load(city, number);
        reception.call(counter, by, clock.instant());
        receptions.update(reception);
        return reception;
    }

    private CalledNumber lastCallAt(LocalGovernmentCode city, String counterCode) {
        ServiceCounter counter = counter(city, counterCode);
        return board(city).at(counter.code())
                .orElseThrow(() -> new Rejection("calling.none", counter.displayName() + "で呼出中の番号はありません"));
    }

    private Reception load(LocalGovernmentCode city, ReceptionNumber number) {
        return receptions.find(city, number)
                .orElseThrow(() -> new Rejection("reception.not-found", "受付番号 " + number + " の受付はありません"));
    }

    private ServiceCounter counter(LocalGovernmentCode city, String code) {
        if (code == null || code.isBlank()) {
            throw new Rejection("calling.counter", "呼び出す窓口を選んでください");
        }
        return counters.find(city, code)
                .orElseThrow(() -> new Rejection("calling.counter", "窓口「" + code + "」はありません"));
    }

    /** A member of one 担当課 calls to that department's counters only. */
    private static void requireServes(Operator by, ServiceCounter counter) {
        if (!by.serves(counter.department().code())) {
            throw new Rejection("calling.department", counter.displayName() + "の呼出は" + counter.department().name()
                    + "の職員が行います");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
