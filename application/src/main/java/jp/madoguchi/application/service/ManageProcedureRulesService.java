package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.application.port.in.ManageProcedureRulesUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.GuidanceCatalogue.HearingQuestion;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.ProcedureRuleSeeds;
import jp.madoguchi.application.port.out.ProcedureRules;
import jp.madoguchi.application.port.out.ProcedureRules.PublishedVersion;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.procedure.EventFacts;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.procedure.ProcedureRule;
import jp.madoguchi.domain.procedure.ProcedureRuleText;
import jp.madoguchi.domain.procedure.RelatedProcedureRules;
import jp.madoguchi.domain.procedure.RuleCondition;
import jp.madoguchi.domain.procedure.RuleTextException;
import jp.madoguchi.domain.procedure.Suggestion;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

public final class ManageProcedureRulesService implements ManageProcedureRulesUseCase {

    private final ProcedureRules rules;
    private final ProcedureRuleSeeds seeds;
    private final ProcedureCatalogue procedures;
    private final GuidanceCatalogue guidance;
    private final ResidentRegistry registry;
    private final HouseholdFacts households;
    private final AccessRecords access;
    private final Clock clock;

    private final Transactions transactions;

    public ManageProcedureRulesService(ProcedureRules rules, ProcedureRuleSeeds seeds, ProcedureCatalogue procedures,
                                       GuidanceCatalogue guidance, ResidentRegistry registry, AuditTrail trail, Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.rules = rules;
        this.seeds = seeds;
        this.procedures = procedures;
        this.guidance = guidance;
        this.registry = registry;
        this.households = new HouseholdFacts(registry, null);
        this.access = new AccessRecords(trail, clock);
        this.clock = clock;
    }

    @Override
    public int ensureShippedRules(LocalGovernmentCode city) {
        List<ProcedureRule> shipped = seeds.shipped();
        List<String> problems = shipped.stream().flatMap(r -> problemsOf(r, procedures, guidance.questions()).stream()).toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("関連手続の規則（初期値）に誤りがあります:\n" + String.join("\n", problems));
        }
        return rules.seedMissing(city, shipped, clock.instant());
    }

    @Override
    public List<ProcedureRule> inForce(LocalGovernmentCode city, LocalDate day) {
        return RelatedProcedureRules.inForceOn(rules.versions(city), day).rules();
    }

    @Override
    public List<PublishedVersion> history(LocalGovernmentCode city, String ruleId) {
        return rules.history(city, ruleId);
    }

    @Override
    public ProcedureRule check(LocalGovernmentCode city, String text, LocalDate effectiveFrom) {
        ProcedureRule rule = ProcedureRuleText.parseOne(text == null ? "" : text,
                effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom);
        List<String> problems = problemsOf(rule, procedures, guidance.questions());
        if (!problems.isEmpty()) {
            throw new RuleTextException(problems);
        }
        return rule;
    }

    /** What a rule names that the city does not have: an unknown procedure, a question never asked for the event. */
    public static List<String> problemsOf(ProcedureRule rule, ProcedureCatalogue procedures, List<HearingQuestion> questions) {
        List<String> problems = new ArrayList<>();
        if (procedures.find(rule.procedureCode()).isEmpty()) {
            problems.add("規則 " + rule.id() + ": 手続コード「" + rule.procedureCode() + "」は手続マスタにありません");
        }
        for (RuleCondition c : rule.conditions()) {
            String key = c.answerKey();
            if (key == null) {
                continue;
            }
            HearingQuestion question = questions.stream().filter(q -> q.key().equals(key)).findFirst().orElse(null);
            if (question == null) {
                problems.add("規則 " + rule.id() + ": 質問「" + key + "」はありません。使える質問: "
                        + questions.stream().map(HearingQuestion::key).collect(Collectors.joining("、")));
            } else if (!question.asksFor(rule.event())) {
                problems.add("規則 " + rule.id() + ": 質問「" + key + "」は" + rule.event().label() + "では聞きません");
            } else {
                c.values().stream().filter(v -> !question.choices().contains(v)).forEach(v -> problems.add("規則 " + rule.id()
                        + ": 質問「" + key + "」の答えに「" + v + "」はありません（" + String.join("・", question.choices()) + "）"));
            }
        }
        return problems;
    }

    @Override
    public DryRun dryRun(DryRunCommand command) {
        LocalDate from = command.effectiveFrom() == null ? LocalDate.now(clock) : command.effectiveFrom();
        ProcedureRule edited = check(command.city(), command.text(), from);
        Resident sample = registry.find(command.city(), command.sample()).orElseThrow(() -> new Rejection("rules.sample-not-found",
                    "宛名番号 " + command.sample().value() + " の住民はいません"));
        if (command.event() != edited.event()) {
            throw new Rejection("rules.sample-event-mismatch", "試す出来事は規則と同じ「" + edited.event().label() + "」を選んでください");
        }
        LocalDate eventDate = command.eventDate() == null ? from : command.eventDate();
        Map<String, String> answers = new LinkedHashMap<>();
        for (HearingQuestion q : guidance.questions()) {
            if (q.asksFor(command.event())) {
                answers.put(q.key(), command.answers().getOrDefault(q.key(), q.defaultAnswer()));
            }
        }
        EventFacts facts = new EventFacts(command.event(), command.kind(), eventDate,
                households.factsOf(sample, command.event(), eventDate), answers);
        List<ProcedureRule> current = RelatedProcedureRules.inForceOn(rules.versions(command.city()), from).rules();
        List<ProcedureRule> changed = new ArrayList<>();
        boolean replaced = false;
        for (ProcedureRule r : current) {
            if (r.id().equals(edited.id())) {
                changed.add(edited);
                replaced = true;
            } else {
                changed.add(r);
            }
        }
        if (!replaced) {
            changed.add(edited);
        }
        List<Suggestion> before = RelatedProcedureRules.of(current).determine(facts);
        List<Suggestion> after = RelatedProcedureRules.of(changed).determine(facts);
        access.record(command.city(), command.operator(), AuditAction.VIEW_RESIDENT,
                facts.members().stream().map(m -> m.id()).filter(id -> id.matches("[0-9]+")).toList(),
                "関連手続の規則の試行", "規則 " + edited.id() + " を見本の世帯で試行");
        return new DryRun(edited, before, after, differences(before, after));
    }

    private List<String> differences(List<Suggestion> before, List<Suggestion> after) {
        Set<String> was = before.stream().map(ManageProcedureRulesService::key).collect(Collectors.toSet());
        Set<String> is = after.stream().map(ManageProcedureRulesService::key).collect(Collectors.toSet());
        List<String> result = new ArrayList<>();
        after.stream().filter(s -> !was.contains(key(s))).forEach(s -> result.add("追加: " + describe(s)));
        before.stream().filter(s -> !is.contains(key(s))).forEach(s -> result.add("なくなる: " + describe(s)));
        return result;
    }

    private static String key(Suggestion s) {
        return s.procedureCode() + "/" + s.memberId();
    }

    private String describe(Suggestion s) {
        return procedures.find(s.procedureCode()).map(Procedure::name).orElse(s.procedureCode())
                + "（" + (s.forHousehold() ? "世帯" : s.memberName()) + "）";
    }

    @Override
    public ProcedureRule publish(LocalGovernmentCode city, String text, LocalDate effectiveFrom, int expectedNewestVersion,
                                 Operator operator) {
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        ProcedureRule rule = check(city, text, from);
        int newest = rules.versions(city).stream().filter(r -> r.id().equals(rule.id()))
                .mapToInt(ProcedureRule::version).max().orElse(0);
        if (newest != expectedNewestVersion) {
            throw new ConcurrentUpdateException("規則 " + rule.id() + " は他の職員が先に第" + newest
                    + "版を公開しました。画面を読み込み直してから変更してください。");
        }
        ProcedureRule version = rule.asVersion(newest + 1, from, rule.effectiveUntil());
        transactions.inTransaction(() -> {
            rules.publish(city, version, operator, clock.instant());
            access.record(city, operator, AuditAction.ADMINISTRATION, List.of(), "関連手続の規則の変更",
                    "規則 " + rule.id() + " を第" + version.version() + "版として公開（" + from + "から有効）");
        });
        return version;
    }
}
