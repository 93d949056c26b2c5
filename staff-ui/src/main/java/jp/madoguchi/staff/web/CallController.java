package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jp.madoguchi.application.port.in.CallVisitorsUseCase;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ServiceCounter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 呼出 from the reception list: 次の方を呼ぶ, 再呼出 and 不在 at the counter the clerk sits at, and calling one visit
 * from its page. The browser remembers its counter (a cookie), since a counter's PC stays at that counter.
 */
@Controller("/staff")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class CallController {

    /** The counter this browser calls to. */
    public static final String COUNTER_COOKIE = "MADOGUCHI_COUNTER";

    private final CallVisitorsUseCase calling;

    public CallController(CallVisitorsUseCase calling) {
        this.calling = calling;
    }

    /**
     * The counters a member may call to (their departments'), as choices: this browser's counter chosen, else the
     * first counter of {@code department}, else the first of all.
     *
     * @param only whether only {@code department}'s counters are offered (a visit is called to its own department)
     */
    static List<ReceptionInquiry.Choice> counterChoices(CallVisitorsUseCase calling, LocalGovernmentCode city,
                                                        Operator member, @Nullable String chosen,
                                                        @Nullable String department, boolean only) {
        List<ServiceCounter> mine = calling.counters(city).stream()
                .filter(c -> member.serves(c.department().code()))
                .filter(c -> !only || c.department().code().equals(department)).toList();
        String selected = mine.stream().map(ServiceCounter::code).filter(c -> c.equals(chosen)).findFirst()
                .or(() -> mine.stream().filter(c -> c.department().code().equals(department)).map(ServiceCounter::code).findFirst())
                .orElse(mine.isEmpty() ? "" : mine.get(0).code());
        return mine.stream().map(c -> new ReceptionInquiry.Choice(c.code(), c.displayName(), c.code().equals(selected)))
                .toList();
    }

    @Post(value = "/calls", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> call(Authentication authentication, @Nullable String counter, @Nullable String action) {
        LocalGovernmentCode city = StaffPrincipal.city(authentication);
        Operator member = StaffPrincipal.operator(authentication);
        try {
            HttpResponse<?> answer = switch (action == null ? "next" : action) {
                case "recall" -> list("notice", calledNotice(calling.recall(city, counter, member), "を再呼出しました"));
                case "absent" -> list("notice", calledNotice(calling.markAbsent(city, counter, member), "を不在にしました"));
                default -> {
                    Optional<Reception> next = calling.callNext(city, counter, member);
                    yield next.isEmpty() ? list("notice", "お待ちの方はいません")
                            : reception(next.get().number(), calledNotice(next.get(), "を呼び出しました"));
                }
            };
            return remember(answer, counter);
        } catch (Rejection e) {
            return remember(list("failure", e.getMessage()), counter);
        }
    }

    /** 呼出 of one visit from its page (a number chosen by hand, or again after 不在). */
    @Post(value = "/receptions/{number}/call", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> callOne(Authentication authentication, @PathVariable String number, @Nullable String counter) {
        try {
            Reception called = calling.call(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), counter,
                    StaffPrincipal.operator(authentication));
            return remember(reception(called.number(), calledNotice(called, "を呼び出しました")), counter);
        } catch (Rejection e) {
            return remember(list("failure", e.getMessage()), counter);
        }
    }

    private static String calledNotice(Reception reception, String what) {
        return reception.number().callNumber() + "番" + what + "（" + reception.calling().last().counterName() + "）";
    }

    private static HttpResponse<?> list(String kind, String message) {
        return HttpResponse.seeOther(URI.create("/staff?" + kind + "=" + URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<?> reception(ReceptionNumber number, String notice) {
        return HttpResponse.seeOther(URI.create("/staff/receptions/" + number.value() + "?notice="
                + URLEncoder.encode(notice, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<?> remember(HttpResponse<?> answer, @Nullable String counter) {
        if (counter == null || counter.isBlank()) {
            return answer;
        }
        return ((io.micronaut.http.MutableHttpResponse<?>) answer).cookie(Cookie.of(COUNTER_COOKIE, counter.strip())
                .path("/staff").httpOnly(true).sameSite(SameSite.Strict).maxAge(Duration.ofDays(365)));
    }
}
