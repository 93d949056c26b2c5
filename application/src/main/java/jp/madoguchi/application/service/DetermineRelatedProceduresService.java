package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.GuidanceCatalogue.HearingQuestion;
import jp.madoguchi.application.port.out.GuidanceSheetRenderer;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.ProcedureRules;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.RelatedProcedureLists;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.procedure.EventFacts;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.procedure.RelatedProcedureList;
import jp.madoguchi.domain.procedure.RelatedProcedureRules;
import jp.madoguchi.domain.procedure.Suggestion;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

public final class DetermineRelatedProceduresService implements DetermineRelatedProceduresUseCase {

    private final Receptions receptions;
    private final ResidentRegistry registry;
    private final HouseholdFacts households;
    private final ProcedureRules rules;
    private final RelatedProcedureLists lists;
    private final GuidanceCatalogue guidance;
    private final ProcedureCatalogue procedures;
    private final GuidanceSheetRenderer renderer;
    private final Municipalities municipalities;
    private final AccessRecords access;
    private final Clock clock;

    private final Transactions transactions;
    private final EraTable eras;

    public DetermineRelatedProceduresService(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                             ProcedureRules rules, RelatedProcedureLists lists,
                                             GuidanceCatalogue guidance, ProcedureCatalogue procedures,
                                             GuidanceSheetRenderer renderer, Municipalities municipalities,
                                             AuditTrail trail, Transactions transactions, EraTable eras, Clock clock) {
        this.eras = eras;
        this.transactions = transactions;
        this.receptions = receptions;
        this.registry = registry;
        this.households = new HouseholdFacts(registry, moveIns);
        this.rules = rules;
        this.lists = lists;
        this.guidance = guidance;
        this.procedures = procedures;
        this.renderer = renderer;
        this.municipalities = municipalities;
        this.access = new AccessRecords(trail, clock);
        this.clock = clock;
    }

    @Override
    public Hearing hearing(LocalGovernmentCode city, ReceptionNumber number, Operator operator) {
        Reception reception = reception(city, number, operator);
        LifeEvent event = lists.find(city, number).map(RelatedProcedureList::event).orElseGet(() -> suggestedEvent(reception));
        List<Member> members = households.members(reception, event);
        access.record(reception, operator, AuditAction.VIEW_RESIDENT, "関連手続の聞き取り（世帯員 " + members.size() + "人）");
        Map<String, String> onVisit = new LinkedHashMap<>();
        for (Procedure p : reception.procedures()) {
            String how = reception.adopted(p.code()) ? "受付に追加済み" : "申出の手続";
            onVisit.put(p.code(), reception.finishedAt(p.code()).map(t -> how + "・" + p.department().name() + "で完了")
                    .orElse(how));
        }
        return new Hearing(event, members, guidance.questions(), reception.version(), onVisit);
    }

    @Override
    public List<Suggestion> suggest(LocalGovernmentCode city, AddresseeNumber resident, LifeEvent event, Operator kiosk) {
        Resident holder = registry.find(city, resident).orElseThrow(() -> new Rejection("reception.resident-not-in-registry",
                "受付の住民が住民記録にありません"));
        LocalDate today = LocalDate.now(clock);
        EventFacts facts = new EventFacts(event, null, today, households.factsOf(holder, event, today),
                withDefaults(event, Map.of()));
        List<Suggestion> suggestions = RelatedProcedureRules.inForceOn(rules.versions(city), today).determine(facts);
        access.record(city, kiosk, AuditAction.VIEW_RESIDENT, List.of(resident.value()), "記載台の関連手続",
                event.label() + "（世帯員 " + facts.members().size() + "人、" + suggestions.size() + "件）");
        return suggestions;
    }

    @Override
    public RelatedProcedureList determine(DetermineCommand command) {
        Reception reception = reception(command.city(), command.number(), command.operator());
        Map<String, String> answers = withDefaults(command.event(), command.answers());
        EventFacts facts = new EventFacts(command.event(), command.kind(), command.eventDate(),
                households.facts(reception, command.event(), command.eventDate(), command.subjects()), answers);
        LocalDate today = LocalDate.now(clock);
        List<Suggestion> suggestions = RelatedProcedureRules.inForceOn(rules.versions(command.city()), today).determine(facts);
        Instant now = clock.instant();
        reception.record(command.operator(), now, "関連手続を判定（" + command.event().label()
                + (facts.kind() == null ? "" : "・" + facts.kind()) + "、" + suggestions.size() + "件）");
        return transactions.inTransaction(() -> {
            RelatedProcedureList saved = lists.save(command.city(), command.number(), RelatedProcedureList.determined(
                    facts, suggestions, command.operator().displayName(), now, command.expectedVersion()));
            receptions.appendTimeline(reception);
            access.record(reception, command.operator(), AuditAction.VIEW_RESIDENT,
                    "関連手続の判定（世帯員 " + facts.members().size() + "人、" + suggestions.size() + "件）");
            return saved;
        });
    }

    @Override
    public Optional<RelatedProcedureList> list(LocalGovernmentCode city, ReceptionNumber number) {
        return lists.find(city, number);
    }

    @Override
    public RelatedProcedureList remove(LocalGovernmentCode city, ReceptionNumber number, long expectedVersion, int seq,
                                       String reason, Operator operator) {
        reception(city, number, operator);
        RelatedProcedureList list = current(city, number, expectedVersion);
        String code = list.items().stream().filter(i -> i.seq() == seq).findFirst()
                .map(RelatedProcedureList.Item::procedureCode).orElse("");
        String name = procedureName(code);
        return transactions.inTransaction(() -> {
            RelatedProcedureList saved = lists.save(city, number, list.remove(seq, operator.displayName(), clock.instant(), reason));
            Reception reception = reception(city, number, operator);
            Instant now = clock.instant();
            reception.record(operator, now, "関連手続から削除: " + name + "（理由: " + reason.strip() + "）");
            // an adopted procedure no other kept item needs leaves the visit too, while it is open
            boolean stillKept = saved.current().stream().anyMatch(i -> i.procedureCode().equals(code));
            if (!stillKept && reception.withdraw(code, operator, now, reason)) {
                receptions.update(reception);
            } else {
                receptions.appendTimeline(reception);
            }
            return saved;
        });
    }

    @Override
    public List<Procedure> adopt(LocalGovernmentCode city, ReceptionNumber number, long expectedVersion,
                                 Operator operator) {
        Reception reception = reception(city, number, operator);
        if (reception.version() != expectedVersion) {
            throw ConcurrentUpdateException.onReception(number);
        }
        RelatedProcedureList list = lists.find(city, number).orElseThrow(() -> new Rejection("related.not-determined",
                "関連手続がまだ判定されていません。先に「関連手続を判定」を行ってください"));
        List<Procedure> kept = list.current().stream().map(RelatedProcedureList.Item::procedureCode).distinct()
                .map(code -> procedures.find(code).orElseThrow(() -> new Rejection("related.procedure-unknown",
                        "手続「" + code + "」は手続マスタにありません")))
                .toList();
        List<Procedure> added = reception.adopt(kept, operator, clock.instant());
        if (!added.isEmpty()) {
            receptions.update(reception);
        }
        return added;
    }

    @Override
    public RelatedProcedureList add(LocalGovernmentCode city, ReceptionNumber number, long expectedVersion,
                                    String procedureCode, String memberId, String reason, Operator operator) {
        reception(city, number, operator);
        RelatedProcedureList list = current(city, number, expectedVersion);
        Procedure procedure = procedures.find(procedureCode)
                .orElseThrow(() -> new Rejection("related.procedure-unknown", "手続「" + procedureCode + "」は手続マスタにありません"));
        Reception reception = reception(city, number, operator);
        String memberName = null;
        if (memberId != null && !memberId.isBlank()) {
            memberName = households.members(reception, list.event()).stream().filter(m -> m.id().equals(memberId))
                    .findFirst().map(Member::name)
                    .orElseThrow(() -> new Rejection("related.member-not-in-household", "その世帯員はこの受付の世帯にいません"));
        }
        String who = memberName;
        return transactions.inTransaction(() -> {
            RelatedProcedureList saved = lists.save(city, number,
                    list.add(procedureCode, who == null ? null : memberId, who, reason));
            note(city, number, operator, "関連手続に追加: " + procedure.name() + "（理由: " + reason.strip() + "）");
            return saved;
        });
    }

    @Override
    public RenderedDocument guidanceSheet(LocalGovernmentCode city, ReceptionNumber number, String language,
                                          boolean furigana, Operator operator) {
        Reception reception = reception(city, number, operator);
        RelatedProcedureList list = lists.find(city, number).orElseThrow(() -> new Rejection("related.not-determined",
                    "関連手続がまだ判定されていません。先に「関連手続を判定」を行ってください"));
        RenderedDocument document = renderer.render(new GuidanceSheets(guidance, procedures, eras)
                .sheet(reception, list, municipalities.nameOf(city), language, furigana));
        reception.record(operator, clock.instant(), "手続案内書を作成（" + document.fileName() + "）");
        receptions.appendTimeline(reception);
        access.record(reception, operator, AuditAction.PRINT, "手続案内書（" + language + "）");
        return document;
    }

    private RelatedProcedureList current(LocalGovernmentCode city, ReceptionNumber number, long expectedVersion) {
        RelatedProcedureList list = lists.find(city, number).orElseThrow(() -> new Rejection("related.not-determined",
                    "関連手続がまだ判定されていません"));
        if (list.version() != expectedVersion) {
            throw new ConcurrentUpdateException("受付番号 " + number.value()
                    + " の関連手続は他の職員が先に変更しました。画面を読み込み直してから操作してください。");
        }
        return list;
    }

    private void note(LocalGovernmentCode city, ReceptionNumber number, Operator operator, String what) {
        Reception reception = reception(city, number, operator);
        reception.record(operator, clock.instant(), what);
        receptions.appendTimeline(reception);
    }

    private Map<String, String> withDefaults(LifeEvent event, Map<String, String> given) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (HearingQuestion q : guidance.questions()) {
            String answer = given.get(q.key());
            if (answer != null && !answer.isBlank() && !q.choices().contains(answer)) {
                throw new Rejection("related.answer-not-a-choice", "質問「" + q.question() + "」の答えは " + String.join("・", q.choices())
                        + " のどれかです");
            }
            if (answer != null && !answer.isBlank()) {
                answers.put(q.key(), answer);
            } else if (q.asksFor(event)) {
                answers.put(q.key(), q.defaultAnswer());
            }
        }
        return answers;
    }

    private String procedureName(String code) {
        return procedures.find(code).map(Procedure::name).orElse(code);
    }

    private Reception reception(LocalGovernmentCode city, ReceptionNumber number, Operator operator) {
        Reception reception = receptions.find(city, number)
                .orElseThrow(() -> new Rejection("reception.not-found", "受付番号 " + number.value() + " の受付はありません"));
        reception.requireServedBy(operator);
        return reception;
    }

    /** The event of the first procedure asked for that is not a certificate. */
    static LifeEvent suggestedEvent(Reception reception) {
        return reception.procedures().stream().map(Procedure::lifeEvent).filter(e -> e != LifeEvent.CERTIFICATE)
                .findFirst().orElse(LifeEvent.CERTIFICATE);
    }
}
