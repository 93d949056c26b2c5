package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.ConfirmOnTabletUseCase;
import jp.madoguchi.application.port.in.KioskHearingUseCase.ReviewRow;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.ContentConfirmations;
import jp.madoguchi.application.port.out.ContentConfirmations.Confirmation;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.application.port.out.ReceptionPaperwork.Signature;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionState;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/** The counter tablet: the content shown, its hash, and the citizen's confirmation and signature over that hash. */
public final class ConfirmOnTabletService implements ConfirmOnTabletUseCase {

    /** A tablet shows a visit for as long as a hearing takes, not into the next citizen's turn. */
    static final Duration SHOWN_FOR = Duration.ofMinutes(30);

    private final Receptions receptions;
    private final ReceptionPaperwork paperwork;
    private final ContentConfirmations confirmations;
    private final VisitContent content;
    private final AccessRecords access;
    private final Transactions transactions;
    private final Clock clock;

    public ConfirmOnTabletService(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                  FormCatalogue catalogue, FormDefinitions definitions, ReceptionPaperwork paperwork,
                                  ContentConfirmations confirmations, Municipalities municipalities, AuditTrail trail,
                                  Transactions transactions, EraTable eras, Clock clock) {
        FieldDictionary dictionary = catalogue.dictionary();
        this.receptions = receptions;
        this.paperwork = paperwork;
        this.confirmations = confirmations;
        this.content = VisitContent.of(dictionary, definitions, registry, moveIns, municipalities, eras, clock);
        this.access = new AccessRecords(trail, clock);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void send(LocalGovernmentCode city, ReceptionNumber number, String terminal, Operator clerk) {
        if (terminal == null || terminal.isBlank()) {
            throw new Rejection("tablet.terminal-missing", "確認に使うタブレット（端末ID）を選んでください");
        }
        Reception reception = reception(city, number);
        reception.requireServedBy(clerk);
        reception.record(clerk, clock.instant(), "タブレット " + terminal.strip() + " に内容の確認を依頼");
        transactions.inTransaction(() -> {
            confirmations.request(city, terminal.strip(), number, clock.instant());
            receptions.appendTimeline(reception);
        });
    }

    @Override
    public Optional<TabletContent> shown(LocalGovernmentCode city, Operator tablet) {
        return confirmations.requested(city, tablet.terminal(), clock.instant().minus(SHOWN_FOR))
                .flatMap(number -> receptions.find(city, number))
                .filter(r -> r.completedAt().isEmpty())
                .map(r -> {
                    TabletContent shown = content(r);
                    access.record(r, tablet, AuditAction.VIEW_RESIDENT, "タブレットで申請内容を本人に表示（"
                            + shown.rows().size() + "項目）");
                    return shown;
                });
    }

    @Override
    public Optional<Confirmation> confirm(LocalGovernmentCode city, ReceptionNumber number, String shownSha256,
                                          byte[] png, Operator tablet) {
        Reception reception = reception(city, number);
        if (confirmations.requested(city, tablet.terminal(), clock.instant().minus(SHOWN_FOR))
                .filter(number::equals).isEmpty()) {
            throw new Rejection("tablet.not-sent", "この受付はこのタブレットに送られていません。職員にお声がけください");
        }
        SignatureImages.requirePng(png);
        TabletContent now = content(reception);
        if (!now.sha256().equals(shownSha256)) {
            // an answer changed while the citizen was reading: what they saw is not what would be printed
            return Optional.empty();
        }
        Instant at = clock.instant();
        String signatureHash = Digests.sha256Hex(png);
        Confirmation confirmation = new Confirmation(now.sha256(), signatureHash, tablet.terminal(), at);
        // the hearing ends with the citizen's own confirmation (a visit further on keeps its state)
        boolean advanced = reception.state() == ReceptionState.HEARING;
        if (advanced) {
            reception.confirm(tablet, at);
        }
        reception.record(tablet, at, "本人が内容を確認（内容 SHA-256 " + now.sha256().substring(0, 16) + "…）し署名");
        transactions.inTransaction(() -> {
            paperwork.saveSignature(city, number, new Signature(png, signatureHash, at, tablet.displayName()));
            confirmations.confirmed(city, number, confirmation);
            if (advanced) {
                receptions.update(reception);
            } else {
                receptions.appendTimeline(reception);
            }
        });
        return Optional.of(confirmation);
    }

    @Override
    public Optional<Confirmation> confirmation(LocalGovernmentCode city, ReceptionNumber number) {
        return confirmations.find(city, number);
    }

    private TabletContent content(Reception reception) {
        List<ReviewRow> rows = content.rows(reception, paperwork.answers(reception.city(), reception.number()));
        return new TabletContent(reception.number(), reception.procedures().stream().map(Procedure::name).toList(),
                rows, VisitContent.sha256(rows));
    }

    private Reception reception(LocalGovernmentCode city, ReceptionNumber number) {
        return receptions.find(city, number)
                .orElseThrow(() -> new Rejection("reception.not-found", "受付番号 " + number.value() + " の受付はありません"));
    }
}
