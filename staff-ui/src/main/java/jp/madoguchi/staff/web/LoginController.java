package jp.madoguchi.staff.web;

import java.net.URI;
import java.util.Base64;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;
import jp.madoguchi.application.port.in.DemoSecondFactorUseCase;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase.LoginAttempt;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase.LoginOutcome;
import jp.madoguchi.domain.staff.Permission;
import jp.madoguchi.staff.security.CsrfFilter;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.security.StaffSessions;

/**
 * 職員ログイン: user ID and password, then, where the role or the city asks for it, the 6-digit code of an
 * authenticator app (set up on the spot at the first login, from a QR code). The password is typed again with the
 * code rather than carried between the two pages.
 */
@Controller("/staff")
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class LoginController {

    private final AuthenticateStaffUseCase authenticate;
    private final StaffSessions sessions;
    private final CsrfFilter csrf;
    private final java.util.Optional<DemoSecondFactorUseCase> demoCode;
    private final HttpClientAddressResolver addresses;

    public LoginController(AuthenticateStaffUseCase authenticate, StaffSessions sessions, CsrfFilter csrf,
                           java.util.Optional<DemoSecondFactorUseCase> demoCode, HttpClientAddressResolver addresses) {
        this.authenticate = authenticate;
        this.addresses = addresses;
        this.sessions = sessions;
        this.csrf = csrf;
        this.demoCode = demoCode;
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<LoginPage> login(@Nullable @QueryValue String notice) {
        return new ModelAndView<>("staff/login", page("", null, notice, null, false));
    }

    /**
     * ログイン: {@code askCode} when the second factor is asked; {@code enrolQr} and {@code enrolSecret} at its first
     * setup; {@code demoCode} only in the demo.
     */
    @Introspected
    public record LoginPage(String username, String error, String notice, boolean askCode, String enrolQr,
                            String enrolSecret, String demoCode, boolean changePassword) {
    }

    /** The login form as posted: any field may be missing (the use case says which is needed). */
    @Serdeable
    public record LoginForm(@Nullable String username, @Nullable String password, @Nullable String code,
                            @Nullable String newPassword, @Nullable String newPasswordAgain) {
        @Override
        public String toString() {
            return "LoginForm[" + username + "]";
        }
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> logIn(@Body LoginForm form, HttpRequest<?> request) {
        String terminal = addresses.resolve(request);
        if (form.newPassword() != null && !form.newPassword().equals(form.newPasswordAgain())) {
            return HttpResponse.ok(new ModelAndView<>("staff/login", page(form.username(), PasswordController.MISMATCH, null,
                    form.code() == null ? null : new Enrolment(null, null), true)));
        }
        LoginOutcome outcome = authenticate.logIn(new LoginAttempt(form.username(), form.password(), form.code(), terminal,
                form.newPassword()));
        if (outcome instanceof LoginOutcome.LoggedIn in) {
            return HttpResponse.seeOther(URI.create(home(in)))
                    .cookie(sessions.cookieFor(StaffPrincipal.of(in.member(), terminal, in.sessionId()), request))
                    // the pre-login CSRF value must not outlive the login
                    .cookie(csrf.renewedCookie(request));
        }
        if (outcome instanceof LoginOutcome.SecondFactorRequired ask) {
            return HttpResponse.ok(new ModelAndView<>("staff/login", page(ask.username(), ask.message(), null,
                    new Enrolment(null, null), ask.changePassword())));
        }
        if (outcome instanceof LoginOutcome.SecondFactorEnrolment enrol) {
            return HttpResponse.ok(new ModelAndView<>("staff/login", page(enrol.username(), enrol.message(), null,
                    new Enrolment("data:image/png;base64," + Base64.getEncoder().encodeToString(enrol.qrPng()),
                            enrol.secret().replaceAll("(.{4})(?!$)", "$1 ")), enrol.changePassword())));
        }
        if (outcome instanceof LoginOutcome.PasswordChangeRequired change) {
            return HttpResponse.ok(new ModelAndView<>("staff/login", page(change.username(), change.message(), null,
                    change.askCode() ? new Enrolment(null, null) : null, true)));
        }
        LoginOutcome.Refused refused = (LoginOutcome.Refused) outcome;
        // 200, not 401: Micronaut Security turns a 401 into a redirect to this very page, losing the message
        return HttpResponse.ok(new ModelAndView<>("staff/login", page(form.username(), refused.message(), null, null, false)));
    }

    /** The first page the member's permissions open. */
    private static String home(LoginOutcome.LoggedIn in) {
        var permissions = in.member().permissions();
        if (permissions.contains(Permission.RECEPTION)) {
            return "/staff";
        }
        if (permissions.contains(Permission.RESIDENT_SEARCH)) {
            return "/staff/residents";
        }
        if (permissions.contains(Permission.STATISTICS)) {
            return "/staff/statistics";
        }
        if (permissions.contains(Permission.ACCOUNTS)) {
            return "/admin/staff";
        }
        if (permissions.contains(Permission.AUDIT)) {
            return "/admin/audit";
        }
        if (permissions.contains(Permission.LINKAGE)) {
            return "/admin/imports";
        }
        return permissions.contains(Permission.TERMINALS) ? "/admin/terminals" : "/staff/forbidden";
    }

    /** The second factor being asked: with the QR code and secret at its first setup, else both null. */
    private record Enrolment(String qr, String secret) {
    }

    private LoginPage page(String username, String error, String notice, Enrolment asked, boolean changePassword) {
        // the demo's secret is published in the README; only the demo module provides a code
        return new LoginPage(username == null ? "" : username, error, notice, asked != null,
                asked == null ? null : asked.qr(), asked == null ? null : asked.secret(),
                demoCode.flatMap(DemoSecondFactorUseCase::currentCode).orElse(null), changePassword);
    }

    @Get("/forbidden")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @View("staff/forbidden")
    public Map<String, Object> forbidden() {
        return Map.of();   // the page has no variables of its own
    }
}
