package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.application.port.in.CompleteReceptionUseCase;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.HandoffLayouts;
import jp.madoguchi.application.port.out.HandoffSealing;
import jp.madoguchi.application.port.out.HandoffOutbox;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.reception.Reception;

/**
 * Finishes a department's part of a visit and queues what its procedures owe the back office, in one unit of work:
 * the 完了 (or the 回付 to the department with procedures still open), its timeline, the
 * records in the hand-off outbox (one delivery per target) and the access-history entry commit together or not at
 * all. Delivery happens after, from the outbox, retried until it lands, so a target that is down never blocks a
 * counter and never loses a record.
 */
public final class CompleteReceptionService implements CompleteReceptionUseCase {

    private final ReceptionSteps steps;
    private final Receptions receptions;
    private final ReceptionPaperwork paperwork;
    private final HandoffRecords records;
    private final HandoffOutbox outbox;
    private final List<String> targets;
    private final Municipalities municipalities;
    private final AccessRecords access;
    private final Transactions transactions;
    private final Clock clock;

    /** @param targets where records go (e.g. {@code folder}, {@code s3}): one delivery each, as its layout allows */
    public CompleteReceptionService(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                    FormCatalogue catalogue, ReceptionPaperwork paperwork, HandoffLayouts layouts,
                                    HandoffOutbox outbox, List<String> targets, HandoffSealing sealing,
                                    Municipalities municipalities, AuditTrail trail, Transactions transactions,
                                    EraTable eras, Clock clock) {
        this.steps = new ReceptionSteps(receptions);
        this.receptions = receptions;
        this.paperwork = paperwork;
        this.records = new HandoffRecords(layouts, new FormFiller(registry, moveIns, catalogue.dictionary(), eras), eras,
                registry, sealing);
        this.outbox = outbox;
        this.targets = List.copyOf(targets);
        this.municipalities = municipalities;
        this.access = new AccessRecords(trail, clock);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Completion complete(ReceptionStepCommand command) {
        Reception reception = steps.load(command);
        List<jp.madoguchi.domain.procedure.Procedure> finished = reception.complete(command.operator(), clock.instant());
        List<HandoffRecords.Owed> owed = records.of(reception, finished,
                paperwork.answers(reception.city(), reception.number()),
                municipalities.nameOf(reception.city()), LocalDate.now(clock), clock.getZone(), command.operator());
        List<String> layouts = owed.stream().map(o -> o.layout().id()).distinct().toList();
        String what = owed.isEmpty() ? "基幹系への連携記録はありません（この手続のレイアウトなし）"
                : "基幹系への連携記録を登録（" + String.join("・", layouts) + "、" + owed.size() + "件）";
        return transactions.inTransaction(() -> {
            reception.record(command.operator(), clock.instant(), what);
            receptions.update(reception);
            for (HandoffRecords.Owed o : owed) {
                // each record to the targets its layout names (a layout naming none: every target)
                outbox.enqueue(reception.city(), reception.number(), List.of(o.record()),
                        targets.stream().filter(o.layout()::deliversTo).toList(), clock.instant());
            }
            access.record(reception, command.operator(), AuditAction.EXPORT, what);
            return new Completion(finished.stream().map(jp.madoguchi.domain.procedure.Procedure::name).toList(),
                    owed.size(), layouts, owed.stream().flatMap(o -> o.record().missing().stream()).distinct().toList(),
                    reception.state() == jp.madoguchi.domain.reception.ReceptionState.COMPLETED
                            ? java.util.Optional.empty() : java.util.Optional.of(reception.department()));
        });
    }
}
