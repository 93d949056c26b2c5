package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;

import jp.madoguchi.application.port.in.PrepareFormsUseCase;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.out.FormRenderer;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.application.port.out.AuditTrail;

public final class PrepareFormsService implements PrepareFormsUseCase {

    /** The procedures whose forms exist so far; forms as data replace this mapping. */
    static final String RESIDENT_CERTIFICATE = "RESIDENT_CERTIFICATE";

    private final Receptions receptions;
    private final ReceptionSteps steps;
    private final ResidentRegistry registry;
    private final MoveIns moveIns;
    private final FormRenderer renderer;
    private final Municipalities municipalities;
    private final Clock clock;
    private final AccessRecords access;

    public PrepareFormsService(Receptions receptions, ResidentRegistry registry, MoveIns moveIns, FormRenderer renderer,
                               Municipalities municipalities, AuditTrail trail, Clock clock) {
        this.access = new AccessRecords(trail, clock);
        this.receptions = receptions;
        this.steps = new ReceptionSteps(receptions);
        this.registry = registry;
        this.moveIns = moveIns;
        this.renderer = renderer;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @Override
    public RenderedDocument preview(LocalGovernmentCode city, ReceptionNumber number, Operator operator) {
        Reception reception = receptions.find(city, number)
                .orElseThrow(() -> new IllegalArgumentException("受付番号 " + number + " の受付はありません"));
        RenderedDocument document = render(reception);
        reception.record(operator, clock.instant(), "申請書を表示（" + document.fileName() + "）");
        receptions.appendTimeline(reception);
        access.record(reception, operator, AuditAction.VIEW_RESIDENT, "申請書を画面に表示（" + document.fileName() + "）");
        return document;
    }

    @Override
    public RenderedDocument print(ReceptionStepCommand command) {
        Reception reception = steps.load(command);
        RenderedDocument document = render(reception);
        reception.markPrinted(command.operator(), clock.instant(), "申請書を印刷（" + document.fileName() + "）");
        receptions.update(reception);
        access.record(reception, command.operator(), AuditAction.PRINT, "申請書を印刷（" + document.fileName() + "）");
        return document;
    }

    private RenderedDocument render(Reception reception) {
        String municipality = municipalities.nameOf(reception.city());
        LocalDate today = LocalDate.now(clock);
        if (has(reception, RESIDENT_CERTIFICATE)) {
            Resident resident = reception.resident().flatMap(n -> registry.find(reception.city(), n))
                    .orElseThrow(() -> new IllegalArgumentException("本人確認が済んでいないため申請書を作れません"));
            return renderer.render(ResidentCertificateRequestForm.fill(reception, resident, municipality, today));
        }
        if (has(reception, StartMoveInService.MOVE_IN)) {
            MoveIn moveIn = moveIns.find(reception.city(), reception.number())
                    .orElseThrow(() -> new IllegalArgumentException("転出証明書の内容がないため転入届を作れません。"
                            + "転出証明書の二次元コードを読み取って受付し直してください"));
            return renderer.render(MoveInNotificationForm.fill(reception, moveIn, municipality, today));
        }
        throw new IllegalArgumentException("この受付の手続の申請書はまだ用意されていません");
    }

    private static boolean has(Reception reception, String procedure) {
        return reception.procedures().stream().map(Procedure::code).anyMatch(procedure::equals);
    }
}
