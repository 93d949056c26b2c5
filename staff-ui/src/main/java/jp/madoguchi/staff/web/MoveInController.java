package jp.madoguchi.staff.web;

import java.net.URI;
import java.io.IOException;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.StartMoveInUseCase;
import jp.madoguchi.application.port.in.StartMoveInUseCase.MoveInStart;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.security.Permissions;

/**
 * 転入届の受付（窓口）: the clerk reads the paper 転出証明書's 2D code — a photo or scan of it, or the handheld scanner
 * typing into the page — and gets a 転入届 reception filled from it.
 */
@Controller("/staff/move-ins")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class MoveInController {

    private final StartMoveInUseCase moveIn;
    private final String agentUrl;

    public MoveInController(StartMoveInUseCase moveIn,
                            @Property(name = "madoguchi.kiosk.agent-url", defaultValue = "") String agentUrl,
                            @Property(name = "madoguchi.terminal-agent.port", defaultValue = "47110") int agentPort) {
        this.moveIn = moveIn;
        // the counter PC's own terminal agent, like the kiosk's
        this.agentUrl = agentUrl.isBlank() ? "http://127.0.0.1:" + agentPort : agentUrl.strip();
    }

    /** The page {@code staff/move-in}: read a 転出証明書 from a photo or the counter scanner (through the agent). */
    @Introspected
    public record MoveInPage(String staffName, String agentUrl, String error) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<MoveInPage> page(Authentication authentication) {
        return page(authentication, null);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> start(Authentication authentication, @Nullable CompletedFileUpload image, @Nullable String code)
            throws IOException {
        byte[] bytes = image == null ? null : image.getBytes();
        boolean hasImage = bytes != null && bytes.length > 0;
        boolean hasCode = code != null && !code.isBlank();
        if (hasImage == hasCode) {
            return HttpResponse.badRequest(page(authentication, hasImage
                    ? "画像と読み取った内容の両方があります。どちらか一方にしてください。"
                    : "転出証明書の画像を選ぶか、二次元コードを読み取り機で読み取ってください。"));
        }
        MoveInStart result = moveIn.fromCertificateCode(new StartMoveInUseCase.CertificateCodeCommand(
                StaffPrincipal.city(authentication), Channel.COUNTER, hasImage ? bytes : null, hasCode ? code : null,
                StaffPrincipal.operator(authentication)));
        if (result instanceof MoveInStart.Started started) {
            String number = started.reception().number().value();
            return HttpResponse.seeOther(URI.create("/staff/receptions/" + number + "?notice="
                    + java.net.URLEncoder.encode("転出証明書から転入届の受付を作りました", java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpResponse.unprocessableEntity().body(page(authentication, ((MoveInStart.NotStarted) result).message()));
    }

    private ModelAndView<MoveInPage> page(Authentication authentication, String error) {
        return new ModelAndView<>("staff/move-in", new MoveInPage(StaffPrincipal.displayName(authentication), agentUrl, error));
    }
}
