package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.application.port.in.CompleteReceptionUseCase;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.out.BackOfficeExport;
import jp.madoguchi.application.port.out.ExportReceipt;
import jp.madoguchi.application.port.out.ExportRecord;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.application.port.out.AuditTrail;

/**
 * Finishes a visit and hands it to the back office, in one unit of work: the visit's 完了, its timeline and its
 * access-history entry commit together. The delivery runs inside the unit and is idempotent (keyed by city and
 * reception number), so a failure after it rolls the visit back to where it was and completing again repairs it;
 * no reception is marked 完了 without its data having landed.
 */
public final class CompleteReceptionService implements CompleteReceptionUseCase {

    static final String LAYOUT = "CERTIFICATE_REQUEST";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ReceptionSteps steps;
    private final Receptions receptions;
    private final ResidentRegistry registry;
    private final BackOfficeExport export;
    private final Clock clock;
    private final AccessRecords access;

    private final Transactions transactions;

    public CompleteReceptionService(Receptions receptions, ResidentRegistry registry, BackOfficeExport export,
                                    AuditTrail trail, Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.access = new AccessRecords(trail, clock);
        this.steps = new ReceptionSteps(receptions);
        this.receptions = receptions;
        this.registry = registry;
        this.export = export;
        this.clock = clock;
    }

    @Override
    public ExportReceipt complete(ReceptionStepCommand command) {
        Reception reception = steps.load(command);
        reception.complete(command.operator(), clock.instant());
        Resident resident = reception.resident().flatMap(n -> registry.find(reception.city(), n)).orElse(null);
        return transactions.inTransaction(() -> {
            ExportReceipt receipt = export.deliver(record(reception, resident));
            String file = receipt.location().substring(receipt.location().lastIndexOf('/') + 1);
            reception.record(Operator.system("export"), clock.instant(), "基幹系への連携データを出力（" + file + "）");
            receptions.update(reception);
            access.record(reception, command.operator(), AuditAction.EXPORT, "基幹系への連携データを出力（" + file + "）");
            return receipt;
        });
    }

    private ExportRecord record(Reception reception, Resident resident) {
        ZoneId zone = clock.getZone();
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("地方公共団体コード", reception.city().value());
        columns.put("受付番号", reception.number().value());
        columns.put("受付経路", reception.channel().label());
        columns.put("受付日時", TIMESTAMP.format(reception.openedAt().atZone(zone)));
        columns.put("完了日時", TIMESTAMP.format(reception.completedAt().orElseThrow().atZone(zone)));
        columns.put("手続コード", String.join(";", reception.procedures().stream().map(Procedure::code).toList()));
        columns.put("手続名", String.join(";", reception.procedures().stream().map(Procedure::name).toList()));
        columns.put("担当課", reception.department().name());
        columns.put("宛名番号", resident == null ? "" : resident.addresseeNumber().value());
        columns.put("氏名", resident == null ? "" : resident.name().name());
        columns.put("生年月日", resident == null ? "" : resident.birthDate().format());
        columns.put("住所", resident == null ? "" : resident.address().fullText());
        columns.put("請求者区分", "本人");
        columns.put("証明書種類", "住民票の写し");
        columns.put("範囲", "世帯全員");
        columns.put("通数", "1");
        columns.put("完了操作者", reception.timeline().get(reception.timeline().size() - 1).operatorId());
        return new ExportRecord(LAYOUT, reception.city().value() + "-" + reception.number().value(), columns);
    }
}
