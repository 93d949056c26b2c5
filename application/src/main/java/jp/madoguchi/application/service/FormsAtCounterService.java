package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.application.port.in.FormsAtCounterUseCase;
import jp.madoguchi.application.port.in.PrepareFormsUseCase;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.ContentConfirmations;
import jp.madoguchi.application.port.out.DocumentPrinter;
import jp.madoguchi.application.port.out.DocumentPrinter.PrintSettings;
import jp.madoguchi.application.port.out.FilledFormRenderer;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.application.port.out.ReceptionPaperwork.PrintRecord;
import jp.madoguchi.application.port.out.ReceptionPaperwork.Signature;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.form.FilledForm;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * The forms of a visit, all defined as data: the 様式 page (each form, questions, signature, printers) and the
 * visit's own 申請書 step (every form of its procedures in one PDF; printing it moves the visit to 印刷).
 */
public final class FormsAtCounterService implements FormsAtCounterUseCase, PrepareFormsUseCase {

    private static final String BROWSER = "ブラウザ（PDF）";


    private final Receptions receptions;
    private final ReceptionSteps steps;
    private final FormVersions forms;
    private final FieldDictionary dictionary;
    private final FormFiller filler;
    private final AnswerFormat answerFormat;
    private final ReceptionPaperwork paperwork;
    private final ContentConfirmations confirmations;
    private final FilledFormRenderer renderer;
    private final DocumentPrinter printer;
    private final Municipalities municipalities;
    private final AccessRecords access;
    private final Transactions transactions;
    private final Clock clock;

    public FormsAtCounterService(Receptions receptions, ResidentRegistry registry, MoveIns moveIns, FormCatalogue catalogue,
                                 FormDefinitions definitions, ReceptionPaperwork paperwork,
                                 ContentConfirmations confirmations, FilledFormRenderer renderer,
                                 DocumentPrinter printer, Municipalities municipalities, AuditTrail trail,
                                 Transactions transactions, EraTable eras, Clock clock) {
        this.receptions = receptions;
        this.steps = new ReceptionSteps(receptions);
        this.dictionary = catalogue.dictionary();
        this.forms = new FormVersions(definitions, dictionary);
        this.filler = new FormFiller(registry, moveIns, dictionary, eras);
        this.answerFormat = new AnswerFormat(eras);
        this.paperwork = paperwork;
        this.confirmations = confirmations;
        this.renderer = renderer;
        this.printer = printer;
        this.municipalities = municipalities;
        this.access = new AccessRecords(trail, clock);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<FormStatus> forms(LocalGovernmentCode city, ReceptionNumber number, Operator operator) {
        Reception reception = reception(city, number, operator);
        List<FormStatus> result = new ArrayList<>();
        for (FormDefinition form : visitForms(reception)) {
            result.add(status(form, fill(form, reception)));
        }
        access.record(reception, operator, AuditAction.VIEW_RESIDENT, "様式の一覧（" + result.size() + "件）");
        return result;
    }

    /** 申請書を表示: every form of the visit's procedures, filled, in one PDF. */
    @Override
    public RenderedDocument preview(LocalGovernmentCode city, ReceptionNumber number, Operator operator) {
        Reception reception = reception(city, number, operator);
        List<FilledForm> filled = filledVisitForms(reception);
        RenderedDocument document = renderer.render(filled);
        reception.record(operator, clock.instant(), "申請書を表示（" + titles(filled) + "）");
        transactions.inTransaction(() -> {
            receptions.appendTimeline(reception);
            access.record(reception, operator, AuditAction.VIEW_RESIDENT, "申請書を画面に表示（" + versions(filled) + "）");
        });
        return document;
    }

    /** 印刷 step: every form of the visit in one PDF for the browser; the visit moves to 印刷 and each print is kept. */
    @Override
    public RenderedDocument print(ReceptionStepCommand command) {
        Reception reception = steps.load(command);
        List<FilledForm> filled = filledVisitForms(reception);
        List<String> missing = filled.stream().flatMap(f -> renderer.missingGlyphs(f).stream()).distinct().toList();
        if (!missing.isEmpty()) {
            throw unprintable(missing);
        }
        RenderedDocument document = renderer.render(filled);
        reception.markPrinted(command.operator(), clock.instant(), "申請書を印刷（" + titles(filled) + "）");
        transactions.inTransaction(() -> {
            receptions.update(reception);
            for (FilledForm f : filled) {
                paperwork.recordPrint(reception.city(), reception.number(), new PrintRecord(f.definition().id(),
                        f.definition().version(), BROWSER, printedBy(command.operator()), clock.instant()));
            }
            FailPoints.reach("visit.print.before-commit");
            access.record(reception, command.operator(), AuditAction.PRINT, "申請書を印刷（" + versions(filled) + "）");
        });
        return document;
    }

    @Override
    public List<FormStatus> allForms(LocalGovernmentCode city) {
        return forms.inForce(city, LocalDate.now(clock)).stream()
                .map(f -> new FormStatus(f.id(), f.version(), f.title(), f.signing().word(), List.of(), List.of())).toList();
    }

    @Override
    public void answer(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, Operator operator) {
        Reception reception = reception(city, number, operator);
        // all or nothing: the page shows what was typed again, with what to correct
        Map<String, String> checked = answerFormat.checkAll(dictionary, answers);
        reception.record(operator, clock.instant(), "聞き取りの回答を記録（" + String.join("・", checked.keySet()) + "）");
        Map<String, String> before = paperwork.answers(city, number);
        boolean changed = checked.entrySet().stream().anyMatch(a -> !a.getValue().equals(before.get(a.getKey())));
        transactions.inTransaction(() -> {
            paperwork.saveAnswers(city, number, checked, operator.displayName(), clock.instant());
            // what the citizen confirmed on the tablet is no longer what would be printed: ask again
            if (changed && confirmations.revoke(city, number)) {
                reception.record(operator, clock.instant(), "回答が変わったため、本人の内容確認と署名を取り消し");
            }
            receptions.appendTimeline(reception);
        });
    }

    @Override
    public List<Answered> answered(LocalGovernmentCode city, ReceptionNumber number, Operator operator) {
        Reception reception = reception(city, number, operator);
        Map<String, String> given = paperwork.answers(city, number);
        Map<String, Answered> answered = new LinkedHashMap<>();
        for (FormDefinition form : visitForms(reception)) {
            for (String key : form.fields()) {
                dictionary.find(key).filter(f -> f.source() == FieldDefinition.Source.ANSWER && given.containsKey(f.key()))
                        .ifPresent(f -> answered.putIfAbsent(f.key(), new Answered(new Question(f.key(), f.question(),
                                f.choices()), given.get(f.key()))));
            }
        }
        return List.copyOf(answered.values());
    }

    @Override
    public RenderedDocument preview(LocalGovernmentCode city, ReceptionNumber number, String formId, Operator operator) {
        Reception reception = reception(city, number, operator);
        FormDefinition form = form(reception, formId);
        RenderedDocument document = renderer.render(fill(form, reception));
        access.record(reception, operator, AuditAction.VIEW_RESIDENT, "様式を画面に表示（" + form.id() + " 第" + form.version() + "版）");
        return document;
    }

    @Override
    public RenderedDocument print(LocalGovernmentCode city, ReceptionNumber number, String formId, PrintSettings settings,
                                  Operator operator) {
        Reception reception = reception(city, number, operator);
        FormDefinition form = form(reception, formId);
        FilledForm filled = fill(form, reception);
        List<String> missing = renderer.missingGlyphs(filled);
        if (!missing.isEmpty()) {
            throw unprintable(missing);
        }
        RenderedDocument document = renderer.render(filled);
        String where = settings == null ? BROWSER : settings.printer()
                + (settings.tray() == null || settings.tray().isBlank() ? "" : "・" + settings.tray()) + "・" + settings.paper();
        reception.record(operator, clock.instant(), form.title() + "（" + form.id() + " 第" + form.version() + "版）を印刷: " + where);
        transactions.inTransaction(() -> {
            paperwork.recordPrint(city, number, new PrintRecord(form.id(), form.version(), where, printedBy(operator),
                    clock.instant()));
            receptions.appendTimeline(reception);
            access.record(reception, operator, AuditAction.PRINT, form.id() + " 第" + form.version() + "版を " + where + " へ印刷");
            // the paper goes out last: a printer that refuses rolls the records back, so no print is claimed unprinted
            if (settings != null) {
                printer.print(document, settings);
            }
        });
        return document;
    }

    @Override
    public String sign(LocalGovernmentCode city, ReceptionNumber number, byte[] png, Operator operator) {
        Reception reception = reception(city, number, operator);
        SignatureImages.requirePng(png);
        String hash = Digests.sha256Hex(png);
        reception.record(operator, clock.instant(), "署名を受け取りました（SHA-256 " + hash.substring(0, 16) + "…）");
        transactions.inTransaction(() -> {
            paperwork.saveSignature(city, number, new Signature(png, hash, clock.instant(), operator.displayName()));
            receptions.appendTimeline(reception);
        });
        return hash;
    }

    @Override
    public List<PrintRecord> prints(LocalGovernmentCode city, ReceptionNumber number) {
        return paperwork.prints(city, number);
    }

    @Override
    public List<String> printers() {
        return printer.printers();
    }

    /**
     * The forms of the visit's procedures: each in the version the visit first printed, otherwise the one in force.
     */
    private List<FormDefinition> visitForms(Reception reception) {
        Set<String> procedures = reception.procedures().stream().map(Procedure::code).collect(Collectors.toSet());
        Map<String, Integer> printed = printedVersions(reception);
        List<FormDefinition> result = new ArrayList<>();
        for (FormDefinition inForce : forms.inForce(reception.city(), LocalDate.now(clock))) {
            if (inForce.procedures().stream().anyMatch(procedures::contains)) {
                result.add(printed.containsKey(inForce.id())
                        ? forms.version(reception.city(), inForce.id(), printed.get(inForce.id())).orElse(inForce) : inForce);
            }
        }
        return result;
    }

    private List<FilledForm> filledVisitForms(Reception reception) {
        List<FormDefinition> visit = visitForms(reception);
        if (visit.isEmpty()) {
            throw new Rejection("forms.none-for-visit", "この受付の手続に結びついた様式はありません。「様式」の画面でほかの様式を選べます");
        }
        return visit.stream().map(f -> fill(f, reception)).toList();
    }

    private static IllegalArgumentException unprintable(List<String> missing) {
        return new Rejection("forms.unprintable-characters", "印刷できない文字があります: " + String.join("、", missing)
                + "。外字フォントの登録が済むまで、その欄は手書きで補ってください（印刷はしていません）");
    }

    private static String titles(List<FilledForm> filled) {
        return filled.stream().map(f -> f.definition().title()).collect(Collectors.joining("・"));
    }

    private static String versions(List<FilledForm> filled) {
        return filled.stream().map(f -> f.definition().id() + " 第" + f.definition().version() + "版")
                .collect(Collectors.joining("、"));
    }

    private static String printedBy(Operator operator) {
        return operator.displayName() + "（" + operator.id() + "）";
    }

    private FilledForm fill(FormDefinition form, Reception reception) {
        byte[] signature = paperwork.signature(reception.city(), reception.number()).map(Signature::png).orElse(null);
        return filler.fill(form, reception, paperwork.answers(reception.city(), reception.number()),
                municipalities.nameOf(reception.city()), LocalDate.now(clock), signature);
    }

    private FormStatus status(FormDefinition form, FilledForm filled) {
        List<Question> questions = new ArrayList<>();
        for (String key : form.fields()) {
            dictionary.find(key).filter(f -> f.source() == FieldDefinition.Source.ANSWER && filled.value(key).isBlank())
                    .ifPresent(f -> questions.add(new Question(f.key(), f.question(), f.choices())));
        }
        return new FormStatus(form.id(), form.version(), form.title(), form.signing().word(), questions,
                renderer.missingGlyphs(filled));
    }

    /**
     * The version a reception uses: the one it first printed, so a 様式改正 published during the visit (or before a
     * reprint) does not change what the citizen already has in hand; otherwise the version in force today.
     */
    private FormDefinition form(Reception reception, String formId) {
        Integer printed = printedVersions(reception).get(formId);
        Optional<FormDefinition> form = printed != null
                ? forms.version(reception.city(), formId, printed)
                : forms.inForce(reception.city(), LocalDate.now(clock), formId);
        return form.orElseThrow(() -> new Rejection("forms.no-version-in-force", "様式「" + formId + "」はありません（有効な版がありません）"));
    }

    private Map<String, Integer> printedVersions(Reception reception) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        paperwork.prints(reception.city(), reception.number()).forEach(p -> versions.putIfAbsent(p.formId(), p.formVersion()));
        return versions;
    }

    private Reception reception(LocalGovernmentCode city, ReceptionNumber number, Operator operator) {
        Reception reception = receptions.find(city, number)
                .orElseThrow(() -> new Rejection("reception.not-found", "受付番号 " + number.value() + " の受付はありません"));
        reception.requireServedBy(operator);
        return reception;
    }

}
