package jp.madoguchi.kiosk.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
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
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.PreEntryUseCase;
import jp.madoguchi.application.port.in.PreEntryUseCase.Redemption;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 事前入力: on the phone at home the citizen ticks what they need and keeps a QR code; at the 記載台 the handheld
 * scanner reads it and the visit opens with those procedures. Nothing personal is asked or kept.
 */
@Controller("/kiosk/pre-entry")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class PreEntryController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final PreEntryUseCase preEntry;
    private final ListProceduresUseCase procedures;
    private final LocalGovernmentCode city;
    private final ZoneId zone;

    public PreEntryController(PreEntryUseCase preEntry, ListProceduresUseCase procedures,
                              Installation installation) {
        this.preEntry = preEntry;
        this.procedures = procedures;
        this.city = installation.city();
        this.zone = installation.zone();
    }

    /** ご用件を選ぶ（来庁前）. */
    @Get
    public ModelAndView<Map<String, Object>> choose() {
        return chooser(null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public ModelAndView<Map<String, Object>> prepare(@Body Map<String, Object> form) {
        // a form with several ticked boxes repeats the key: the body holds a list then, else one value
        Object ticked = form.get("procedure");
        List<String> chosen = ticked == null ? List.of()
                : ticked instanceof Collection<?> many ? many.stream().map(String::valueOf).toList() : List.of(String.valueOf(ticked));
        PreEntryUseCase.PreparedPreEntry prepared;
        try {
            prepared = preEntry.prepare(city, chosen);
        } catch (IllegalArgumentException e) {
            return chooser(ScreenMessage.of(e));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(prepared.qrPng()));
        model.put("procedures", prepared.procedureNames());
        model.put("expires", DAY.format(prepared.expiresAt().atZone(zone)));
        return new ModelAndView<>("kiosk/pre-entry-code", model);
    }

    private ModelAndView<Map<String, Object>> chooser(String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("procedures", procedures.all());
        model.put("error", error);
        return new ModelAndView<>("kiosk/pre-entry", model);
    }
}
