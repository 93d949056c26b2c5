package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase.ChangePasswordCommand;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.staff.security.StaffPrincipal;

/** パスワードの変更: every member of staff changes their own; their other logins end, this one goes on. */
@Controller("/staff/password")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class PasswordController {

    /** Said when the two new-password fields differ (here and on the first login). */
    static final String MISMATCH = "新しいパスワードが確認の欄と一致しません。もう一度入力してください。";

    private final AuthenticateStaffUseCase authenticate;

    public PasswordController(AuthenticateStaffUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /** The page {@code staff/password}. */
    @Introspected
    public record PasswordPage(String staffName, String notice, String error) {
    }

    /** The form as posted; the passwords are never echoed back or logged. */
    @Serdeable
    public record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
                               @Nullable String newPasswordAgain) {
        @Override
        public String toString() {
            return "PasswordForm[…]";
        }
    }

    @Get
    public HttpResponse<?> page(Authentication authentication, @Nullable @QueryValue String notice) {
        return show(authentication, notice, null, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(Authentication authentication, @Body PasswordForm form) {
        if (form.newPassword() == null || !form.newPassword().equals(form.newPasswordAgain())) {
            return show(authentication, null, MISMATCH, HttpStatus.BAD_REQUEST);
        }
        try {
            authenticate.changePassword(new ChangePasswordCommand(StaffPrincipal.city(authentication),
                    authentication.getName(), form.currentPassword(), form.newPassword(),
                    StaffPrincipal.operator(authentication).terminal(), StaffPrincipal.sessionId(authentication)));
        } catch (IllegalArgumentException refused) {
            return show(authentication, null, ScreenMessage.of(refused), HttpStatus.BAD_REQUEST);
        }
        return HttpResponse.seeOther(URI.create("/staff/password?notice="
                + URLEncoder.encode("パスワードを変更しました。ほかの端末でのログインは終了しました。", StandardCharsets.UTF_8)));
    }

    private HttpResponse<?> show(Authentication authentication, String notice, String error, HttpStatus status) {
        return HttpResponse.status(status).header("Cache-Control", "no-store").body(new ModelAndView<>("staff/password",
                new PasswordPage(StaffPrincipal.displayName(authentication), notice, error)));
    }
}
