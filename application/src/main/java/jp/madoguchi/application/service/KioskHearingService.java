package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.in.KioskHearingUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * The kiosk's questions and confirmation, from the same forms, dictionary and filler the counter uses, so the
 * kiosk asks exactly what the counter would have asked and shows exactly what the forms will print.
 */
public final class KioskHearingService implements KioskHearingUseCase {

    /** The answer that fits the one standing at the kiosk with their own card, chosen for them (they may change it). */
    private static final String SELF = "本人";

    /** A visit being prepared has no number yet; the forms are filled for the screen under this placeholder only. */
    private static final int DRAFT_SERIAL = 9999;

    private final FieldDictionary dictionary;
    private final VisitContent content;
    private final AnswerFormat answerFormat;
    private final ProcedureCatalogue procedures;
    private final Receptions receptions;
    private final ReceptionPaperwork paperwork;
    private final AccessRecords access;
    private final Transactions transactions;
    private final Clock clock;

    public KioskHearingService(FormCatalogue catalogue, FormDefinitions definitions, ResidentRegistry registry,
                               MoveIns moveIns, ProcedureCatalogue procedures, Receptions receptions,
                               ReceptionPaperwork paperwork, Municipalities municipalities, AuditTrail trail,
                               Transactions transactions, EraTable eras, Clock clock) {
        this.dictionary = catalogue.dictionary();
        this.content = VisitContent.of(dictionary, definitions, registry, moveIns, municipalities, eras, clock);
        this.answerFormat = new AnswerFormat(eras);
        this.procedures = procedures;
        this.receptions = receptions;
        this.paperwork = paperwork;
        this.access = new AccessRecords(trail, clock);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<KioskQuestion> questions(LocalGovernmentCode city, AddresseeNumber resident, List<String> chosen) {
        List<KioskQuestion> questions = new ArrayList<>();
        for (FieldDefinition field : askable(content.formsOf(city, chosen))) {
            Kind kind = switch (field.type()) {
                case CHOICE -> Kind.CHOICE;
                case NUMBER -> Kind.NUMBER;
                default -> Kind.DATE;
            };
            String suggested = kind == Kind.NUMBER ? "1" : field.choices().contains(SELF) ? SELF : "";
            questions.add(new KioskQuestion(field.key(), plain(field.question()), kind, field.choices(), suggested));
        }
        return questions;
    }

    @Override
    public Review review(LocalGovernmentCode city, AddresseeNumber resident, List<String> chosen,
                         Map<String, String> answers, Operator kiosk) {
        List<FormDefinition> forms = content.formsOf(city, chosen);
        Map<String, String> checked = checked(forms, answers);
        List<ReviewRow> rows = content.rows(draft(city, resident, chosen, kiosk), checked, forms);
        access.record(city, kiosk, AuditAction.VIEW_RESIDENT, List.of(resident.value()), "記載台の内容確認",
                "記載台で申請内容を本人に表示（" + rows.size() + "項目）");
        return new Review(rows, checked);
    }

    @Override
    public Review review(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, Operator kiosk) {
        Reception reception = receptions.find(city, number)
                .orElseThrow(() -> new Rejection("reception.not-found", "受付番号 " + number.value() + " の受付はありません"));
        List<FormDefinition> forms = content.formsOf(city, reception.procedures().stream().map(Procedure::code).toList());
        Map<String, String> checked = checked(forms, answers);
        List<ReviewRow> rows = content.rows(reception, checked, forms);
        reception.resident().ifPresent(resident -> access.record(city, kiosk, AuditAction.VIEW_RESIDENT,
                List.of(resident.value()), "記載台の内容確認", "記載台で申請内容を本人に表示（" + rows.size() + "項目）"));
        return new Review(rows, checked);
    }

    @Override
    public Map<String, String> check(LocalGovernmentCode city, List<String> procedures, Map<String, String> answers) {
        return checked(city, procedures, answers);
    }

    @Override
    public void keep(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, Operator kiosk,
                     String where) {
        Reception reception = receptions.find(city, number)
                .orElseThrow(() -> new Rejection("reception.not-found", "受付番号 " + number.value() + " の受付はありません"));
        Map<String, String> checked = checked(city, reception.procedures().stream().map(Procedure::code).toList(), answers);
        if (checked.isEmpty()) {
            return;
        }
        reception.record(kiosk, clock.instant(), where + "で本人が回答（" + String.join("・", checked.keySet()) + "）");
        transactions.inTransaction(() -> {
            paperwork.saveAnswers(city, number, checked, kiosk.displayName(), clock.instant());
            receptions.appendTimeline(reception);
        });
    }

    /** The answers in their stored form; every question the kiosk asks must have one. */
    private Map<String, String> checked(LocalGovernmentCode city, List<String> chosen, Map<String, String> answers) {
        return checked(content.formsOf(city, chosen), answers);
    }

    private Map<String, String> checked(List<FormDefinition> forms, Map<String, String> answers) {
        List<FieldDefinition> askable = askable(forms);
        Map<String, String> asked = new LinkedHashMap<>();
        for (FieldDefinition field : askable) {
            asked.put(field.key(), answers.getOrDefault(field.key(), ""));
        }
        Map<String, String> checked = answerFormat.checkAll(dictionary, asked);
        List<String> missing = askable.stream().map(FieldDefinition::key).filter(k -> !checked.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new Rejection("kiosk.answer-missing", "「" + String.join("」「", missing) + "」を選んでください");
        }
        return checked;
    }

    /** The answer fields of the chosen procedures' forms that a touch can answer, each once. */
    private List<FieldDefinition> askable(List<FormDefinition> forms) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        for (FormDefinition form : forms) {
            for (String key : form.fields()) {
                dictionary.find(key)
                        .filter(f -> f.source() == FieldDefinition.Source.ANSWER)
                        .filter(f -> f.type() == FieldDefinition.Type.DATE || f.type() == FieldDefinition.Type.NUMBER
                                || f.type() == FieldDefinition.Type.CHOICE && !f.choices().isEmpty())
                        .ifPresent(f -> fields.putIfAbsent(f.key(), f));
            }
        }
        return List.copyOf(fields.values());
    }

    private Reception draft(LocalGovernmentCode city, AddresseeNumber resident, List<String> chosen, Operator kiosk) {
        List<Procedure> list = chosen.stream().map(code -> procedures.find(code).orElseThrow(() -> new Rejection(
                "kiosk.procedure-unknown", "選ばれた手続が見つかりません。最初からやり直してください。"))).toList();
        return Reception.open(city, new ReceptionNumber(LocalDate.now(clock), DRAFT_SERIAL), Channel.KIOSK, resident,
                list, kiosk, clock.instant());
    }

    /** The question without its trailing list of choices or format hint, which the kiosk shows as buttons. */
    private static String plain(String question) {
        return question.replaceFirst("（[^（）]*）$", "");
    }
}
