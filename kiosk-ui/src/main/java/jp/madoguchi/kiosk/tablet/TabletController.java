package jp.madoguchi.kiosk.tablet;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.ConfirmOnTabletUseCase;
import jp.madoguchi.application.port.in.VisitLanguageUseCase;
import jp.madoguchi.application.port.in.ConfirmOnTabletUseCase.TabletContent;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.KioskHearingUseCase.ReviewRow;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.out.ContentConfirmations.Confirmation;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.kiosk.device.KioskDevice;
import jp.madoguchi.kiosk.language.CitizenLanguageResolver;
import jp.madoguchi.kiosk.web.PostedForm;

/**
 * 窓口のタブレット (a browser registered like a kiosk, facing the citizen): the content of the forms about to be
 * printed, in large type with the source of each value; 「内容を確認しました」, then the signature. What is confirmed
 * is the SHA-256 of exactly the rows shown.
 */
@Controller("/kiosk/tablet")
@Secured(KioskDevice.ROLE)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class TabletController {

    private final ConfirmOnTabletUseCase tablet;
    private final LocalGovernmentCode city;
    private final VisitLanguageUseCase languages;

    public TabletController(ConfirmOnTabletUseCase tablet, VisitLanguageUseCase languages, Installation installation) {
        this.tablet = tablet;
        this.languages = languages;
        this.city = installation.city();
    }

    /**
     * The page {@code kiosk/tablet}: the visit's content ({@code number} empty while nothing was sent), a notice
     * after the content changed, an error, and {@code confirmed} once the citizen has confirmed and signed.
     */
    @Introspected
    public record TabletPage(String number, List<String> procedures, List<ReviewRow> rows, String sha256,
                             String notice, String error, boolean confirmed) {

        static TabletPage of(Optional<TabletContent> content, String notice, String error) {
            return content.map(c -> new TabletPage(c.number().value(), c.procedures(), c.rows(), c.sha256(), notice,
                    error, false)).orElseGet(() -> new TabletPage("", List.of(), List.of(), "", notice, error, false));
        }
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, Authentication authentication) {
        Optional<TabletContent> shown = inLanguage(request, tablet.shown(city, operator(authentication)));
        return HttpResponse.ok(new ModelAndView<>("kiosk/tablet", TabletPage.of(shown, null, null)))
                .header("Cache-Control", "no-store");
    }

    /** The tablet speaks the visit's language: the one the citizen chose at the kiosk. */
    private Optional<TabletContent> inLanguage(HttpRequest<?> request, Optional<TabletContent> content) {
        content.ifPresent(c -> request.setAttribute(CitizenLanguageResolver.VISIT_LANGUAGE, languages.of(city, c.number())));
        return content;
    }

    /**
     * The citizen at the tablet changes the visit's language (a kiosk visit chosen in Japanese, a walk-in): the
     * tablet, the slip and the guidance sheet then speak it.
     */
    @Get("/language/{code}")
    public HttpResponse<?> language(Authentication authentication, @PathVariable String code) {
        Language language = Language.of(code).orElse(null);
        Optional<TabletContent> shown = tablet.shown(city, operator(authentication));
        if (language != null && shown.isPresent()) {
            languages.choose(city, shown.get().number(), language);
        }
        return HttpResponse.seeOther(URI.create("/kiosk/tablet"));
    }

    /** 「内容を確認しました」 and the signature, with the hash of the content the page showed. */
    @Post(value = "/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirm(HttpRequest<?> request, Authentication authentication, @Body Map<String, Object> posted) {
        Operator operator = operator(authentication);
        PostedForm form = new PostedForm(posted);
        try {
            byte[] png = Base64.getDecoder().decode(form.valueOrEmpty("png").replaceFirst("^data:image/png;base64,", ""));
            Optional<Confirmation> done = tablet.confirm(city, ReceptionNumber.parse(form.valueOrEmpty("number")),
                    form.valueOrEmpty("sha256"), png, operator);
            if (done.isEmpty()) {
                return HttpResponse.ok(new ModelAndView<>("kiosk/tablet", TabletPage.of(
                        inLanguage(request, tablet.shown(city, operator)), "changed", null)));
            }
            ReceptionNumber number = ReceptionNumber.parse(form.valueOrEmpty("number"));
            request.setAttribute(CitizenLanguageResolver.VISIT_LANGUAGE, languages.of(city, number));
            return HttpResponse.ok(new ModelAndView<>("kiosk/tablet", new TabletPage("", List.of(), List.of(), "",
                    null, null, true)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("kiosk/tablet",
                    TabletPage.of(inLanguage(request, tablet.shown(city, operator)), null,
                    ScreenMessage.of(e))));
        }
    }

    private static Operator operator(Authentication authentication) {
        return KioskDevice.of(authentication).orElseThrow(() -> new IllegalStateException("端末として登録されていません"))
                .operator();
    }
}
