package jp.madoguchi.kiosk.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.PreEntryUseCase;
import jp.madoguchi.application.port.in.PreEntryUseCase.Redemption;
import jp.madoguchi.application.port.in.KioskHearingUseCase.KioskQuestion;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 事前入力: on the phone at home the citizen ticks what they need and keeps a QR code; at the 記載台 the handheld
 * scanner reads it and the visit opens with those procedures. The citizen may answer the procedures' questions
 * too (choices, counts, dates), kept sealed under the code; nothing that says who they are is asked or kept.
 */
@Controller("/kiosk/pre-entry")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class PreEntryController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final PreEntryUseCase preEntry;
    private final ListProceduresUseCase procedures;
    private final HearingPages hearing;
    private final LocalGovernmentCode city;
    private final ZoneId zone;

    public PreEntryController(PreEntryUseCase preEntry, ListProceduresUseCase procedures, HearingPages hearing,
                              Installation installation) {
        this.preEntry = preEntry;
        this.hearing = hearing;
        this.procedures = procedures;
        this.city = installation.city();
        this.zone = installation.zone();
    }

    /** ご用件を選ぶ（来庁前）. */
    @Get
    public ModelAndView<?> choose() {
        return chooser(null);
    }

    /** The ticked procedures, absent when none is ticked; {@code answer} when the citizen will answer the questions too. */
    @Serdeable
    public record PreEntryForm(@Nullable List<String> procedure, @Nullable String answer) {
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public ModelAndView<?> prepare(@Body PreEntryForm form) {
        List<String> chosen = form.procedure() == null ? List.of() : form.procedure();
        try {
            if (form.answer() != null && !chosen.isEmpty()) {
                List<KioskQuestion> questions = preEntry.questions(city, chosen);
                if (!questions.isEmpty()) {
                    Map<String, String> suggested = new LinkedHashMap<>();
                    questions.forEach(q -> suggested.put(q.key(), q.suggested()));
                    return hearing.preEntry(chosenProcedures(chosen), questions, suggested, null);
                }
            }
            return codePage(preEntry.prepare(city, chosen), false);
        } catch (IllegalArgumentException e) {
            return chooser(ScreenMessage.of(e));
        }
    }

    /** The answers given on the phone (or 答えずに: none): checked as at the kiosk, then sealed under the new code. */
    @Post(value = "/answers", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public Object answers(@Body Map<String, Object> posted) {
        PostedForm form = new PostedForm(posted);
        List<String> chosen = form.values("procedure");
        Map<String, String> answers = form.has("skip") ? Map.of() : KioskAnswers.from(posted).values();
        try {
            return codePage(preEntry.prepare(city, chosen, answers), !answers.isEmpty());
        } catch (IllegalArgumentException e) {
            if (chosen.isEmpty()) {
                return chooser(ScreenMessage.of(e));
            }
            return HttpResponse.unprocessableEntity().body(hearing.preEntry(chosenProcedures(chosen),
                    preEntry.questions(city, chosen), answers, ScreenMessage.of(e)));
        }
    }

    private ModelAndView<KioskPages.PreEntryCodePage> codePage(PreEntryUseCase.PreparedPreEntry prepared, boolean answered) {
        return new ModelAndView<>("kiosk/pre-entry-code", new KioskPages.PreEntryCodePage(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(prepared.qrPng()),
                prepared.procedureNames(), DAY.format(prepared.expiresAt().atZone(zone)), answered));
    }

    private List<Procedure> chosenProcedures(List<String> codes) {
        return codes.stream().distinct().flatMap(code -> procedures.all().stream().filter(p -> p.code().equals(code))).toList();
    }

    private ModelAndView<KioskPages.PreEntryPage> chooser(String error) {
        return new ModelAndView<>("kiosk/pre-entry", new KioskPages.PreEntryPage(procedures.all(), error));
    }
}
