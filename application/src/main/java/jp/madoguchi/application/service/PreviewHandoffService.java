package jp.madoguchi.application.service;

import java.time.Clock;
import java.util.List;

import jp.madoguchi.application.port.in.PreviewHandoffUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.ExportRecord;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.HandoffLayouts;
import jp.madoguchi.application.port.out.HandoffSealing;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Makes a finished visit's records with the layouts in force now, as of its completion day, and queues nothing. The
 * resident's data is on the screen, so the look is in the access history.
 */
public final class PreviewHandoffService implements PreviewHandoffUseCase {

    private final Receptions receptions;
    private final ReceptionPaperwork paperwork;
    private final HandoffRecords records;
    private final Municipalities municipalities;
    private final AccessRecords access;
    private final Clock clock;

    public PreviewHandoffService(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                 FormCatalogue catalogue, ReceptionPaperwork paperwork, HandoffLayouts layouts,
                                 HandoffSealing sealing, Municipalities municipalities, AuditTrail trail, EraTable eras,
                                 Clock clock) {
        this.receptions = receptions;
        this.paperwork = paperwork;
        this.records = new HandoffRecords(layouts, new FormFiller(registry, moveIns, catalogue.dictionary(), eras), eras,
                registry, sealing);
        this.municipalities = municipalities;
        this.access = new AccessRecords(trail, clock);
        this.clock = clock;
    }

    @Override
    public List<ExportRecord> preview(LocalGovernmentCode city, ReceptionNumber number, Operator by) {
        Reception reception = receptions.find(city, number)
                .orElseThrow(() -> new Rejection("reception.not-found", "受付番号 " + number.value() + " の受付はありません"));
        List<Procedure> finished = reception.finishedProcedures();
        if (finished.isEmpty()) {
            throw new Rejection("handoff.preview-unfinished", "受付番号 " + number.value()
                    + " はまだどの課も完了していません。完了した手続で出力を確かめられます");
        }
        java.time.Instant firstFinished = reception.finishedAt(finished.get(0).code()).orElseThrow();
        List<ExportRecord> made = records.of(reception, finished, paperwork.answers(city, number),
                municipalities.nameOf(city), firstFinished.atZone(clock.getZone()).toLocalDate(), clock.getZone(), by)
                .stream().map(HandoffRecords.Owed::record).toList();
        access.record(reception, by, AuditAction.VIEW_RESIDENT, "連携記録の出力を確認（" + made.size() + "件）");
        return made;
    }
}
