package jp.madoguchi.kiosk.web;

import io.micronaut.security.authentication.Authentication;
import jp.madoguchi.kiosk.device.KioskDevice;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
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
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.HoldKioskVisitUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.PreEntryUseCase;
import jp.madoguchi.application.port.in.PreEntryUseCase.Redemption;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 事前入力: on the phone at home the citizen ticks what they need and keeps a QR code; at the 記載台 the handheld
 * scanner reads it and the visit opens with those procedures, only at a registered kiosk, which then shows that
 * visit's slip. Nothing personal is asked or kept.
 */
@Controller("/kiosk/pre-entry/scan")
@Secured(KioskDevice.ROLE)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class PreEntryScanController {

    private final PreEntryUseCase preEntry;
    private final HoldKioskVisitUseCase visits;
    private final KioskSlipPrinter slipPrinter;
    private final LocalGovernmentCode city;

    public PreEntryScanController(PreEntryUseCase preEntry, HoldKioskVisitUseCase visits, KioskSlipPrinter slipPrinter,
                                  Installation installation) {
        this.preEntry = preEntry;
        this.visits = visits;
        this.slipPrinter = slipPrinter;
        this.city = installation.city();
    }

    /** 記載台: the scanner reads the QR. */
    @Get
    public ModelAndView<KioskPages.ScanPage> scanPage() {
        return new ModelAndView<>("kiosk/pre-entry-scan", new KioskPages.ScanPage(null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> scan(Authentication authentication, @Nullable String code) {
        KioskDevice kiosk = KioskDevice.of(authentication).orElseThrow();
        Redemption result = preEntry.redeem(city, code, kiosk.operator());
        if (result instanceof Redemption.Opened opened) {
            visits.issued(city, kiosk.terminalId(), opened.reception().number().value());
            String printed = slipPrinter.print(opened.reception().number(), kiosk.operator());
            return HttpResponse.seeOther(URI.create("/kiosk/slip/" + opened.reception().number().value() + printed));
        }
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>("kiosk/pre-entry-scan",
                new KioskPages.ScanPage(((Redemption.Refused) result).message())));
    }
}
