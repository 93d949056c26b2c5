package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase;
import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase.DetermineCommand;
import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase.Hearing;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.VisitLanguageUseCase;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.GuidanceCatalogue.HearingQuestion;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.procedure.RelatedProcedureList;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 関連手続: the counter hears the life event and the few questions the rules need, determines the procedures
 * that follow (with their reasons), adds or removes some (a removal needs a reason), and prints the guidance
 * sheet in Japanese (with furigana if wished) or English.
 */
@Controller("/staff/receptions/{number}/related")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class RelatedProceduresController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final DetermineRelatedProceduresUseCase related;
    private final ListProceduresUseCase procedures;
    private final ReceptionAccess access;
    private final Clock clock;

    private final VisitLanguageUseCase visitLanguages;

    public RelatedProceduresController(DetermineRelatedProceduresUseCase related, ListProceduresUseCase procedures,
                                       ReceptionAccess access, VisitLanguageUseCase visitLanguages, Clock clock) {
        this.related = related;
        this.visitLanguages = visitLanguages;
        this.procedures = procedures;
        this.access = access;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> show(Authentication authentication, @PathVariable String number, @Nullable @QueryValue String notice) {
        access.requireServed(authentication, number);
        return page(authentication, number, notice, null, HttpStatus.OK);
    }

    /**
     * The hearing as posted. Its questions are data (the rules ask what they need), so their answers arrive as
     * {@code answer.<key>} fields and are read here, in one place, into a typed command.
     */
    record HearingForm(String event, String kind, LocalDate eventDate, long version, Set<String> subjects,
                       Map<String, String> answers) {

        static HearingForm from(Map<String, Object> form) {
            String[] event = one(form, "event").split("/", 2);
            Map<String, String> answers = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("answer.")) {
                    answers.put(k.substring("answer.".length()), String.valueOf(first(v)));
                }
            });
            long version;
            try {
                version = Long.parseLong(one(form, "version"));
            } catch (NumberFormatException e) {
                throw new Rejection("screen.input", "画面を開き直してから判定してください");
            }
            return new HearingForm(event[0], event.length > 1 && !event[1].isEmpty() ? event[1] : null,
                    date(one(form, "eventDate")), version, all(form, "subject"), answers);
        }

        LifeEvent lifeEvent() {
            try {
                return LifeEvent.valueOf(event);
            } catch (IllegalArgumentException e) {
                throw new Rejection("screen.input", "ライフイベントを選び直してください");
            }
        }
    }

    @Post(value = "/determine", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> determine(Authentication authentication, @PathVariable String number, @Body Map<String, Object> posted) {
        access.requireServed(authentication, number);
        HearingForm form = HearingForm.from(posted);
        RelatedProcedureList list = related.determine(new DetermineCommand(StaffPrincipal.city(authentication),
                ReceptionNumber.parse(number), form.version(), form.lifeEvent(), form.kind(), form.eventDate(),
                form.subjects(), form.answers(), StaffPrincipal.operator(authentication)));
        return back(number, "関連手続を判定しました（" + list.current().size() + "件）");
    }

    @Post(value = "/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> remove(Authentication authentication, @PathVariable String number, long version, int seq,
                                  @Nullable String reason) {
        access.requireServed(authentication, number);
        related.remove(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), version, seq,
                reason, StaffPrincipal.operator(authentication));
        return back(number, "関連手続から削除しました（理由を記録しました）");
    }

    @Post(value = "/add", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> add(Authentication authentication, @PathVariable String number, long version,
                               String procedure, @Nullable String member, @Nullable String reason) {
        access.requireServed(authentication, number);
        related.add(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), version, procedure, member,
                reason, StaffPrincipal.operator(authentication));
        return back(number, "関連手続に追加しました");
    }

    /** 受付に追加: the kept procedures become procedures of the visit, finished each by its own department. */
    @Post(value = "/adopt", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> adopt(Authentication authentication, @PathVariable String number, long receptionVersion) {
        access.requireServed(authentication, number);
        List<Procedure> added = related.adopt(StaffPrincipal.city(authentication), ReceptionNumber.parse(number),
                receptionVersion, StaffPrincipal.operator(authentication));
        return back(number, added.isEmpty() ? "残した手続はすでに受付にあります"
                : "受付に追加しました（" + String.join("・", added.stream().map(Procedure::name).toList())
                        + "）。申請書は他の手続と一緒に印刷し、各課の完了で基幹系へ連携します");
    }

    /** 手続案内書 (PDF) in a language, with furigana when asked. */
    @Get("/guidance.pdf")
    public HttpResponse<byte[]> guidance(Authentication authentication, @PathVariable String number,
                                         @Nullable @QueryValue String lang, @Nullable @QueryValue Boolean furigana) {
        access.requireServed(authentication, number);
        RenderedDocument sheet = related.guidanceSheet(StaffPrincipal.city(authentication), ReceptionNumber.parse(number),
                lang == null ? "ja" : lang, Boolean.TRUE.equals(furigana), StaffPrincipal.operator(authentication));
        return DocumentResponse.inline(sheet);
    }

    @Error(exception = jp.madoguchi.domain.reception.OtherDepartmentRejection.class)
    public HttpResponse<?> otherDepartment(jp.madoguchi.domain.reception.OtherDepartmentRejection e) {
        return MessagePage.of(HttpStatus.FORBIDDEN, ScreenMessage.of(e));
    }

    @Error(exception = ConcurrentUpdateException.class)
    public HttpResponse<?> conflict(HttpRequest<?> request, ConcurrentUpdateException e) {
        return errorPage(request, ScreenMessage.of(e), HttpStatus.CONFLICT);
    }

    @Error(exception = IllegalArgumentException.class)
    public HttpResponse<?> badInput(HttpRequest<?> request, IllegalArgumentException e) {
        return errorPage(request, ScreenMessage.of(e), HttpStatus.BAD_REQUEST);
    }

    private HttpResponse<?> errorPage(HttpRequest<?> request, String message, HttpStatus status) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        String number = request.getPath().replaceAll("^/staff/receptions/([^/]+).*$", "$1");
        try {
            return page(authentication, number, null, message, status);
        } catch (IllegalArgumentException noPage) {
            return MessagePage.of(status, message);
        }
    }

    /** The 関連手続 page; {@code list} is empty until the first determination. */
    @Introspected
    public record RelatedPage(String staffName, String number, long version, long receptionVersion,
                              List<EventOption> events, String eventDate,
                              List<MemberRow> members, List<QuestionRow> questions, ListView list,
                              List<ProcedureChoices> procedures, String notice, String error,
                              List<SheetLanguage> sheetLanguages) {
    }

    /**
     * A language the guidance sheet prints in; the visit's own (chosen at the kiosk) comes first.
     *
     * @param furigana the Japanese sheet with readings over its words
     */
    public record SheetLanguage(String code, String label, String lang, boolean furigana, boolean visits) {
    }

    public record EventOption(String value, String label, String event, boolean selected) {
    }

    public record MemberRow(String id, String name, String birthDate, String relationship, boolean subject) {
    }

    public record QuestionRow(String key, String question, List<String> choices, String answer, String events) {
    }

    /** @param toAdopt how many kept procedures are not yet procedures of the visit */
    public record ListView(String event, String determined, List<Group> groups, int count, int toAdopt) {
    }

    public record Group(String department, List<ItemRow> items) {
    }

    /** @param onVisit what became of the procedure on the visit, empty while it is only on the list */
    public record ItemRow(int seq, String procedure, String code, String member, List<ReasonRow> reasons, boolean removed,
                          String removal, String onVisit) {
    }

    public record ReasonRow(String text, String rule) {
    }

    private HttpResponse<?> page(Authentication authentication, String number, String notice, String error,
                                 HttpStatus status) {
        ReceptionNumber reception = ReceptionNumber.parse(number);
        Hearing hearing = related.hearing(StaffPrincipal.city(authentication), reception,
                StaffPrincipal.operator(authentication));
        RelatedProcedureList list = related.list(StaffPrincipal.city(authentication), reception).orElse(null);
        LifeEvent suggested = hearing.suggestedEvent();
        Map<String, String> given = list == null ? Map.of() : list.answers();
        RelatedPage page = new RelatedPage(StaffPrincipal.displayName(authentication), number,
                list == null ? 0 : list.version(), hearing.receptionVersion(),
                eventOptions(list == null
                        ? suggested.name() + "/" + (suggested.kinds().isEmpty() ? "" : suggested.kinds().get(0))
                        : list.event().name() + "/" + nz(list.kind())),
                (list == null ? LocalDate.now(clock) : list.eventDate()).toString(),
                hearing.members().stream().map(m -> new MemberRow(m.id(), m.name(), nz(m.birthDate()),
                        nz(m.relationship()), m.subjectByDefault())).toList(),
                hearing.questions().stream().map(q -> question(q, given)).toList(),
                list == null ? null : listView(list, hearing.onVisit()),
                ProcedureChoices.of(procedures), notice, error,
                sheetLanguages(visitLanguages.of(StaffPrincipal.city(authentication), reception)));
        return HttpResponse.status(status).header("Cache-Control", "no-store")
                .body(new ModelAndView<>("staff/related", page));
    }

    /** Every language of the sheet; the visit's first, so the clerk prints in it without looking for it. */
    private static List<SheetLanguage> sheetLanguages(Language visit) {
        List<SheetLanguage> all = new ArrayList<>();
        all.add(new SheetLanguage("ja", "日本語", "ja", false, visit == Language.JAPANESE));
        all.add(new SheetLanguage("furigana", "ふりがなつき", "ja", true, false));
        for (Language language : Language.values()) {
            if (language != Language.JAPANESE) {
                all.add(new SheetLanguage(language.code(), language.ownName(), language.htmlLang(), false, language == visit));
            }
        }
        all.sort(java.util.Comparator.comparing((SheetLanguage l) -> !l.visits()));
        return all;
    }

    private ListView listView(RelatedProcedureList list, Map<String, String> onVisit) {
        Map<String, Department> departmentOf = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Procedure p : procedures.everything()) {
            departmentOf.put(p.code(), p.department());
            names.put(p.code(), p.name());
        }
        Map<String, List<ItemRow>> groups = new LinkedHashMap<>();
        for (Department d : procedures.departments()) {
            groups.put(d.name(), new ArrayList<>());
        }
        for (RelatedProcedureList.Item item : list.items()) {
            Department d = departmentOf.get(item.procedureCode());
            groups.computeIfAbsent(d == null ? "その他" : d.name(), k -> new ArrayList<>()).add(new ItemRow(item.seq(),
                    names.getOrDefault(item.procedureCode(), item.procedureCode()), item.procedureCode(),
                    item.memberId() == null ? "世帯" : item.memberName(),
                    item.reasons().stream().map(r -> new ReasonRow(r.in("ja"),
                            r.ruleId().equals("CLERK") ? "職員が追加" : r.ruleId() + " 第" + r.ruleVersion() + "版")).toList(),
                    item.removal() != null,
                    item.removal() == null ? "" : item.removal().reason() + "（" + item.removal().by() + "）",
                    item.removal() == null ? onVisit.getOrDefault(item.procedureCode(), "") : ""));
        }
        return new ListView(list.event().label() + (list.kind() == null ? "" : "（" + list.kind() + "）"),
                TIME.format(list.determinedAt().atZone(clock.getZone())) + " " + list.determinedBy(),
                groups.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                        .map(e -> new Group(e.getKey(), e.getValue())).toList(),
                list.current().size(),
                (int) list.current().stream().map(RelatedProcedureList.Item::procedureCode).distinct()
                        .filter(code -> !onVisit.containsKey(code)).count());
    }

    private static QuestionRow question(HearingQuestion q, Map<String, String> given) {
        return new QuestionRow(q.key(), q.question(), q.choices(), given.getOrDefault(q.key(), q.defaultAnswer()),
                String.join(" ", q.events().stream().map(Enum::name).toList()));
    }

    private static List<EventOption> eventOptions(String selected) {
        List<EventOption> options = new ArrayList<>();
        for (LifeEvent e : LifeEvent.values()) {
            List<String> kinds = e.kinds().isEmpty() ? List.of("") : e.kinds();
            for (String kind : kinds) {
                String value = e.name() + "/" + kind;
                options.add(new EventOption(value, e.label() + (kind.isEmpty() ? "" : "（" + kind + "）"), e.name(),
                        value.equals(selected)));
            }
        }
        return options;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new Rejection("screen.input", "異動日は 2026-11-22 の形で入力してください");
        }
    }

    private static Object first(Object value) {
        return value instanceof Collection<?> c ? (c.isEmpty() ? "" : c.iterator().next()) : value;
    }

    private static String one(Map<String, Object> form, String key) {
        Object v = form.get(key);
        if (v == null || String.valueOf(first(v)).isBlank()) {
            throw new Rejection("screen.input", "入力が足りません（" + key + "）");
        }
        return String.valueOf(first(v));
    }

    private static Set<String> all(Map<String, Object> form, String key) {
        Object v = form.get(key);
        Set<String> values = new HashSet<>();
        if (v instanceof Collection<?> c) {
            c.forEach(x -> values.add(String.valueOf(x)));
        } else if (v != null) {
            values.add(String.valueOf(v));
        }
        return values;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static HttpResponse<?> back(String number, String notice) {
        return HttpResponse.seeOther(URI.create("/staff/receptions/" + number + "/related?notice="
                + URLEncoder.encode(notice, StandardCharsets.UTF_8)));
    }
}
