package jp.madoguchi.kiosk.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

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
    public ModelAndView<?> choose() {
        return chooser(null);
    }

    /** The ticked procedures; absent when none is ticked. */
    @Serdeable
    public record PreEntryForm(@Nullable List<String> procedure) {
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public ModelAndView<?> prepare(@Body PreEntryForm form) {
        List<String> chosen = form.procedure() == null ? List.of() : form.procedure();
        PreEntryUseCase.PreparedPreEntry prepared;
        try {
            prepared = preEntry.prepare(city, chosen);
        } catch (IllegalArgumentException e) {
            return chooser(ScreenMessage.of(e));
        }
        return new ModelAndView<>("kiosk/pre-entry-code", new KioskPages.PreEntryCodePage(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(prepared.qrPng()),
                prepared.procedureNames(), DAY.format(prepared.expiresAt().atZone(zone))));
    }

    private ModelAndView<KioskPages.PreEntryPage> chooser(String error) {
        return new ModelAndView<>("kiosk/pre-entry", new KioskPages.PreEntryPage(procedures.all(), error));
    }
}
