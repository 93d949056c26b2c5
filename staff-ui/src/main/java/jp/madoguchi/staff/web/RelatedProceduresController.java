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

    public RelatedProceduresController(DetermineRelatedProceduresUseCase related, ListProceduresUseCase procedures,
                                       ReceptionAccess access, Clock clock) {
        this.related = related;
        this.procedures = procedures;
        this.access = access;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> show(Authentication authentication, @PathVariable String number, @Nullable @QueryValue String notice) {
        access.requireServed(authentication, number);
        return page(authentication, number, notice, null, HttpStatus.OK);
    }

    @Post(value = "/determine", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> determine(Authentication authentication, @PathVariable String number, @Body Map<String, Object> form) {
        access.requireServed(authentication, number);
        String[] event = one(form, "event").split("/", 2);
        LifeEvent lifeEvent = LifeEvent.valueOf(event[0]);
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("answer.")) {
                answers.put(k.substring("answer.".length()), String.valueOf(first(v)));
            }
        });
        RelatedProcedureList list = related.determine(new DetermineCommand(StaffPrincipal.city(authentication),
                ReceptionNumber.parse(number), Long.parseLong(one(form, "version")), lifeEvent,
                event.length > 1 ? event[1] : null, date(one(form, "eventDate")), all(form, "subject"), answers,
                StaffPrincipal.operator(authentication)));
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

    private HttpResponse<?> page(Authentication authentication, String number, String notice, String error,
                                 HttpStatus status) {
        ReceptionNumber reception = ReceptionNumber.parse(number);
        Hearing hearing = related.hearing(StaffPrincipal.city(authentication), reception,
                StaffPrincipal.operator(authentication));
        RelatedProcedureList list = related.list(StaffPrincipal.city(authentication), reception).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("staffName", StaffPrincipal.displayName(authentication));
        model.put("number", number);
        model.put("version", list == null ? 0 : list.version());
        LifeEvent suggested = hearing.suggestedEvent();
        model.put("events", eventOptions(list == null
                ? suggested.name() + "/" + (suggested.kinds().isEmpty() ? "" : suggested.kinds().get(0))
                : list.event().name() + "/" + nz(list.kind())));
        model.put("eventDate", (list == null ? LocalDate.now(clock) : list.eventDate()).toString());
        model.put("members", hearing.members().stream().map(m -> Map.of("id", m.id(), "name", m.name(),
                "birthDate", nz(m.birthDate()), "relationship", nz(m.relationship()), "subject", m.subjectByDefault())).toList());
        Map<String, String> given = list == null ? Map.of() : list.answers();
        model.put("questions", hearing.questions().stream().map(q -> question(q, given)).toList());
        model.put("list", list == null ? null : listView(list, hearing));
        model.put("procedures", ProcedureChoices.of(procedures));
        model.put("notice", notice);
        model.put("error", error);
        return HttpResponse.status(status).header("Cache-Control", "no-store")
                .body(new ModelAndView<>("staff/related", model));
    }

    private Map<String, Object> listView(RelatedProcedureList list, Hearing hearing) {
        Map<String, Object> view = new HashMap<>();
        view.put("event", list.event().label() + (list.kind() == null ? "" : "（" + list.kind() + "）"));
        view.put("determined", TIME.format(list.determinedAt().atZone(clock.getZone())) + " " + list.determinedBy());
        Map<String, Department> departmentOf = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Procedure p : procedures.everything()) {
            departmentOf.put(p.code(), p.department());
            names.put(p.code(), p.name());
        }
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Department d : procedures.departments()) {
            groups.put(d.name(), new ArrayList<>());
        }
        for (RelatedProcedureList.Item item : list.items()) {
            Department d = departmentOf.get(item.procedureCode());
            String group = d == null ? "その他" : d.name();
            Map<String, Object> row = new HashMap<>();
            row.put("seq", item.seq());
            row.put("procedure", names.getOrDefault(item.procedureCode(), item.procedureCode()));
            row.put("code", item.procedureCode());
            row.put("member", item.memberId() == null ? "世帯" : item.memberName());
            row.put("reasons", item.reasons().stream().map(r -> Map.of("text", r.in("ja"),
                    "rule", r.ruleId().equals("CLERK") ? "職員が追加" : r.ruleId() + " 第" + r.ruleVersion() + "版")).toList());
            row.put("removed", item.removal() != null);
            row.put("removal", item.removal() == null ? "" : item.removal().reason() + "（" + item.removal().by() + "）");
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(row);
        }
        view.put("groups", groups.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> Map.of("department", e.getKey(), "items", e.getValue())).toList());
        view.put("count", list.current().size());
        return view;
    }

    private static Map<String, Object> question(HearingQuestion q, Map<String, String> given) {
        Map<String, Object> view = new HashMap<>();
        view.put("key", q.key());
        view.put("question", q.question());
        view.put("choices", q.choices());
        view.put("answer", given.getOrDefault(q.key(), q.defaultAnswer()));
        view.put("events", String.join(" ", q.events().stream().map(Enum::name).toList()));
        return view;
    }

    private static List<Map<String, Object>> eventOptions(String selected) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (LifeEvent e : LifeEvent.values()) {
            List<String> kinds = e.kinds().isEmpty() ? List.of("") : e.kinds();
            for (String kind : kinds) {
                String value = e.name() + "/" + kind;
                options.add(Map.of("value", value, "label", e.label() + (kind.isEmpty() ? "" : "（" + kind + "）"),
                        "event", e.name(), "selected", value.equals(selected)));
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
