package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.ManageServiceCountersUseCase;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.domain.reception.ServiceCounter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 窓口の設定: the counters of each department that waiting visitors are called to, with the name the call display
 * shows. Administrators of the terminals set them up, as they set up the kiosks and the display's PC.
 */
@Controller("/admin/counters")
@Secured({Permissions.TERMINALS})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class CountersController {

    private final ManageServiceCountersUseCase counters;

    public CountersController(ManageServiceCountersUseCase counters) {
        this.counters = counters;
    }

    /** The page {@code admin/counters}; {@code code}, {@code name} and {@code department} are the form as sent. */
    @Introspected
    public record CountersPage(String staffName, String notice, String error, List<Row> rows,
                               List<ReceptionInquiry.Choice> departments, String code, String name) {
    }

    public record Row(String code, String name, String department, String display) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<CountersPage> list(Authentication authentication, @Nullable @QueryValue String notice) {
        return page(authentication, notice, null, "", "", "");
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(Authentication authentication, @Nullable String code, @Nullable String name,
                                @Nullable String department) {
        try {
            ServiceCounter saved = counters.saveCounter(StaffPrincipal.city(authentication), code, name, department);
            return back("窓口「" + saved.displayName() + "」（" + saved.code() + "）を保存しました");
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(authentication, null, ScreenMessage.of(e),
                    code, name, department));
        }
    }

    @Post("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> remove(Authentication authentication, String code) {
        try {
            counters.removeCounter(StaffPrincipal.city(authentication), code);
            return back("窓口 " + code + " を削除しました。呼出済みの受付の記録はそのまま残ります。");
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(authentication, null, ScreenMessage.of(e),
                    "", "", ""));
        }
    }

    private static HttpResponse<?> back(String notice) {
        return HttpResponse.seeOther(URI.create("/admin/counters?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)));
    }

    private ModelAndView<CountersPage> page(Authentication authentication, String notice, String error, String code,
                                            String name, String department) {
        LocalGovernmentCode city = StaffPrincipal.city(authentication);
        List<Row> rows = counters.counters(city).stream()
                .map(c -> new Row(c.code(), c.name(), c.department().name(), c.displayName())).toList();
        List<ReceptionInquiry.Choice> departments = counters.departments().stream()
                .map(d -> new ReceptionInquiry.Choice(d.code(), d.name(), d.code().equals(department))).toList();
        return new ModelAndView<>("admin/counters", new CountersPage(StaffPrincipal.displayName(authentication), notice,
                error, rows, departments, code == null ? "" : code, name == null ? "" : name));
    }
}
