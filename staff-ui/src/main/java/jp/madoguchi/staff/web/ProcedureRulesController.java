package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.ManageProcedureRulesUseCase;
import jp.madoguchi.application.port.in.ManageProcedureRulesUseCase.DryRun;
import jp.madoguchi.application.port.in.ManageProcedureRulesUseCase.DryRunCommand;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.ProcedureRules.PublishedVersion;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.procedure.ProcedureRule;
import jp.madoguchi.domain.procedure.RuleTextException;
import jp.madoguchi.domain.procedure.Suggestion;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 関連手続の規則: administrators read the rules in force, edit one as text, try it on a sample household (dry run)
 * and publish it as a new version with an effective date. The next determination uses it; receptions determined
 * before keep the versions they used. Nothing typed is lost when a rule is refused: the page shows it again
 * with every problem.
 */
@Controller("/admin/rules")
@Secured({Permissions.PROCEDURE_RULES})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class ProcedureRulesController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NEW_RULE = """
            規則: NEW_RULE_ID
            手続: NHI_ENROLMENT
            ライフイベント: 転入
            対象: 世帯員
            条件: 年齢 < 75
            理由: （案内書に印刷する理由）
            理由(en): (reason printed on the English sheet)
            """;

    private final ManageProcedureRulesUseCase rules;
    private final ListProceduresUseCase procedures;
    private final Clock clock;

    public ProcedureRulesController(ManageProcedureRulesUseCase rules, ListProceduresUseCase procedures, Clock clock) {
        this.rules = rules;
        this.procedures = procedures;
        this.clock = clock;
    }

    /** 関連手続の規則: the rules in force today. */
    @Introspected
    public record RulesPage(String staffName, String notice, List<RuleRow> rules) {
    }

    public record RuleRow(String id, int version, String event, String procedure, String target, String conditions,
                          String reason, String from) {
    }

    /** One rule's editor: its text, its versions, and the last dry run when there was one. */
    @Introspected
    public record RulePage(String staffName, String id, String text, String effectiveFrom, int newestVersion,
                           List<VersionRow> history, List<String> kinds, String notice, List<String> problems,
                           DryRunView dryRun) {
    }

    public record VersionRow(int version, String from, String until, String by, String at, boolean suspended) {
    }

    /** 試す: what changed against the rule in force, and the whole determination with the edited rule. */
    public record DryRunView(List<String> changed, List<SuggestionRow> after, String sample) {
    }

    public record SuggestionRow(String procedure, String member, String reasons) {
    }

    @Get
    public ModelAndView<RulesPage> list(Authentication authentication, @Nullable @QueryValue String notice) {
        Map<String, String> names = procedureNames();
        return new ModelAndView<>("admin/rules", new RulesPage(StaffPrincipal.displayName(authentication), notice,
                rules.inForce(StaffPrincipal.city(authentication), LocalDate.now(clock)).stream().map(r -> new RuleRow(
                        r.id(), r.version(),
                        r.event().label() + (r.kinds().isEmpty() ? "" : "（" + String.join("・", r.kinds()) + "）"),
                        names.getOrDefault(r.procedureCode(), r.procedureCode()), r.target().label(),
                        String.join(" かつ ", r.conditions().stream().map(Object::toString).toList()),
                        r.reason("ja"), r.effectiveFrom().toString())).toList()));
    }

    @Get("/new")
    public HttpResponse<?> create(Authentication authentication) {
        return edit(authentication, null, NEW_RULE, LocalDate.now(clock).toString(), null, null, null, HttpStatus.OK);
    }

    @Get("/{id}")
    public HttpResponse<?> show(Authentication authentication, @PathVariable String id, @Nullable @QueryValue String notice) {
        List<PublishedVersion> history = rules.history(StaffPrincipal.city(authentication), id);
        if (history.isEmpty()) {
            return MessagePage.of(HttpStatus.NOT_FOUND, "規則 " + id + " はありません");
        }
        ProcedureRule newest = history.get(history.size() - 1).rule();
        return edit(authentication, id, newest.text(), LocalDate.now(clock).toString(), notice, null, null, HttpStatus.OK);
    }

    /** 試す: the determination for a sample household with the edited rule, next to the one in force. */
    @Post(value = "/dry-run", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> dryRun(Authentication authentication, @Nullable String text, @Nullable String effectiveFrom,
                                  @Nullable String sample, @Nullable String kind, @Nullable String eventDate,
                                  @Nullable String answers) {
        String id = idIn(text);
        try {
            LocalDate from = date(effectiveFrom, "有効開始日");
            ProcedureRule checked = rules.check(StaffPrincipal.city(authentication), text, from);
            if (sample == null || !AddresseeNumber.isValid(sample.strip())) {
                throw new Rejection("screen.input", "見本の世帯の宛名番号を入力してください（検算つきの宛名番号）");
            }
            DryRun run = rules.dryRun(new DryRunCommand(StaffPrincipal.city(authentication), text, from,
                    new AddresseeNumber(sample.strip()), checked.event(), kind, eventDate == null || eventDate.isBlank()
                    ? from : date(eventDate, "異動日"), answers(answers), StaffPrincipal.operator(authentication)));
            DryRunView result = new DryRunView(run.changed(), view(run.after()), sample.strip());
            return edit(authentication, id, text, from.toString(), null, null, result, HttpStatus.OK);
        } catch (RuleTextException e) {
            return edit(authentication, id, text, effectiveFrom, null, e.problems(), null, HttpStatus.BAD_REQUEST);
        } catch (IllegalArgumentException e) {
            return edit(authentication, id, text, effectiveFrom, null, List.of(ScreenMessage.of(e)), null, HttpStatus.BAD_REQUEST);
        }
    }

    /** 公開: stores the rule as its next version; the newest version the page showed guards against a lost update. */
    @Post(value = "/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> publish(Authentication authentication, @Nullable String text, @Nullable String effectiveFrom,
                                   @Nullable Integer newestVersion) {
        String id = idIn(text);
        try {
            ProcedureRule published = rules.publish(StaffPrincipal.city(authentication), text,
                    date(effectiveFrom, "有効開始日"), newestVersion == null ? 0 : newestVersion,
                    StaffPrincipal.operator(authentication));
            return HttpResponse.seeOther(URI.create("/admin/rules/" + published.id() + "?notice=" + URLEncoder.encode(
                    "第" + published.version() + "版を公開しました（" + published.effectiveFrom() + "から有効）", StandardCharsets.UTF_8)));
        } catch (RuleTextException e) {
            return edit(authentication, id, text, effectiveFrom, null, e.problems(), null, HttpStatus.BAD_REQUEST);
        } catch (IllegalArgumentException e) {
            return edit(authentication, id, text, effectiveFrom, null, List.of(ScreenMessage.of(e)), null, HttpStatus.BAD_REQUEST);
        } catch (ConcurrentUpdateException e) {
            return edit(authentication, id, text, effectiveFrom, null, List.of(ScreenMessage.of(e)), null, HttpStatus.CONFLICT);
        }
    }

    private HttpResponse<?> edit(Authentication authentication, String id, String text, String effectiveFrom,
                                 String notice, List<String> problems, DryRunView dryRun, HttpStatus status) {
        List<PublishedVersion> history = id == null ? List.of() : rules.history(StaffPrincipal.city(authentication), id);
        ZoneId zone = clock.getZone();
        RulePage page = new RulePage(StaffPrincipal.displayName(authentication), id == null ? "" : id,
                text == null ? "" : text, effectiveFrom == null ? LocalDate.now(clock).toString() : effectiveFrom,
                history.isEmpty() ? 0 : history.get(history.size() - 1).rule().version(),
                history.stream().map(v -> new VersionRow(v.rule().version(), v.rule().effectiveFrom().toString(),
                        v.rule().effectiveUntil() == null ? "" : v.rule().effectiveUntil().toString(),
                        v.publishedBy(), WHEN.format(v.publishedAt().atZone(zone)), v.rule().suspended())).toList(),
                java.util.Arrays.stream(LifeEvent.values()).flatMap(e -> e.kinds().stream()).distinct().toList(),
                notice, problems == null ? List.of() : problems, dryRun);
        return HttpResponse.status(status).header("Cache-Control", "no-store").body(new ModelAndView<>("admin/rule", page));
    }

    private List<SuggestionRow> view(List<Suggestion> suggestions) {
        Map<String, String> names = procedureNames();
        return suggestions.stream().map(s -> new SuggestionRow(
                names.getOrDefault(s.procedureCode(), s.procedureCode()),
                s.forHousehold() ? "世帯" : s.memberName(),
                String.join("／", s.reasons().stream().map(r -> r.in("ja") + "（" + r.ruleId() + "）").toList())))
                .toList();
    }

    private Map<String, String> procedureNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Procedure p : procedures.everything()) {
            names.put(p.code(), p.name());
        }
        return names;
    }

    /** Answers typed as 「質問=答え」 lines. */
    private static Map<String, String> answers(String text) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (text == null) {
            return answers;
        }
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] kv = line.split("[=＝]", 2);
            if (kv.length != 2) {
                throw new Rejection("screen.input", "回答は「質問=答え」の形で1行に1つ書きます: " + line.strip());
            }
            answers.put(kv[0].strip(), kv[1].strip());
        }
        return answers;
    }

    private static LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejection("screen.input", what + "は 2026-11-22 の形で入力してください");
        }
    }

    private static String idIn(String text) {
        if (text == null) {
            return null;
        }
        for (String line : text.split("\r?\n")) {
            String l = line.strip();
            if (l.matches("^規則[:：]\\s*[A-Z][A-Z0-9_]{1,63}$")) {
                return l.replaceFirst("^規則[:：]\\s*", "");
            }
        }
        return null;
    }
}
