package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.ManageStaffUseCase;
import jp.madoguchi.application.port.in.ManageStaffUseCase.AccountSummary;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.StaffRoles.StaffRole;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.domain.staff.PasswordPolicy;
import jp.madoguchi.domain.staff.Permission;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 職員と役割: administrators add staff, give them roles, lift locks, make them set up the second factor again, and
 * define the city's roles as groups of permissions. A failed change keeps what was typed and says why.
 */
@Controller("/admin/staff")
@Secured({Permissions.ACCOUNTS})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class StaffAdministrationController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("H:mm");

    private final ManageStaffUseCase staff;
    /** The 担当課 a role can be tied to: those the procedure master knows. */
    private final List<jp.madoguchi.domain.procedure.Department> departments;
    private final ZoneId zone;

    public StaffAdministrationController(ManageStaffUseCase staff, ListProceduresUseCase procedures, Clock clock) {
        this.staff = staff;
        this.departments = procedures.departments();
        this.zone = clock.getZone();
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> list(Authentication authentication, @Nullable @QueryValue String notice) {
        return page(authentication, notice, null, Map.of());
    }

    @Post(value = "/accounts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(Authentication authentication, @Body Map<String, Object> form) {
        return change(authentication, form, () -> staff.createAccount(new ManageStaffUseCase.CreateAccountCommand(
                        StaffPrincipal.city(authentication), text(form, "username"), text(form, "displayName"),
                        text(form, "password"), values(form.get("roles")), StaffPrincipal.operator(authentication))),
                "職員「" + text(form, "username") + "」を登録しました。初めてのログインで二要素認証を設定します（管理者の役割、または市の設定のとき）。");
    }

    @Post(value = "/accounts/update", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> update(Authentication authentication, @Body Map<String, Object> form) {
        return change(authentication, form, () -> staff.updateAccount(new ManageStaffUseCase.UpdateAccountCommand(
                        StaffPrincipal.city(authentication), text(form, "username"), text(form, "displayName"),
                        values(form.get("roles")), "on".equals(text(form, "enabled")),
                        Integer.parseInt(text(form, "version")), StaffPrincipal.operator(authentication))),
                "職員「" + text(form, "username") + "」を変更しました。役割の変更は次のログインから有効です。");
    }

    @Post(value = "/accounts/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> password(Authentication authentication, @Body Map<String, Object> form) {
        return change(authentication, form, () -> staff.resetPassword(StaffPrincipal.city(authentication),
                        text(form, "username"), text(form, "password"), StaffPrincipal.operator(authentication)),
                "職員「" + text(form, "username") + "」のパスワードを再設定しました。本人に安全な方法で伝えてください。");
    }

    @Post(value = "/accounts/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> unlock(Authentication authentication, @Body Map<String, Object> form) {
        return change(authentication, form, () -> staff.unlock(StaffPrincipal.city(authentication),
                text(form, "username"), StaffPrincipal.operator(authentication)),
                "職員「" + text(form, "username") + "」のロックを解除しました。");
    }

    @Post(value = "/accounts/second-factor", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> resetSecondFactor(Authentication authentication, @Body Map<String, Object> form) {
        return change(authentication, form, () -> staff.resetSecondFactor(StaffPrincipal.city(authentication),
                text(form, "username"), StaffPrincipal.operator(authentication)),
                "職員「" + text(form, "username") + "」は次のログインで認証アプリを登録し直します（機種変更・紛失のとき）。");
    }

    @Post(value = "/roles", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> saveRole(Authentication authentication, @Body Map<String, Object> form) {
        return change(authentication, form, () -> staff.saveRole(new ManageStaffUseCase.SaveRoleCommand(
                        StaffPrincipal.city(authentication), text(form, "name"), text(form, "label"),
                        permissions(values(form.get("permissions"))), text(form, "department") == null ? "" : text(form, "department"),
                        StaffPrincipal.operator(authentication))),
                "役割「" + text(form, "label") + "」を保存しました。この役割の職員には次のログインから有効です。");
    }

    private HttpResponse<?> change(Authentication authentication, Map<String, Object> form, Runnable change,
                                   String notice) {
        try {
            change.run();
            return HttpResponse.seeOther(URI.create("/admin/staff?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(authentication, null, ScreenMessage.of(e), form));
        } catch (ConcurrentUpdateException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(page(authentication, null, ScreenMessage.of(e), form));
        }
    }

    private ModelAndView<Map<String, Object>> page(Authentication authentication, String notice, String error,
                                                   Map<String, Object> typed) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("staffName", StaffPrincipal.displayName(authentication));
        model.put("notice", notice);
        model.put("error", error);
        // what was typed into a refused form comes back, except any password
        Map<String, Object> kept = new LinkedHashMap<>(typed);
        kept.remove("password");
        kept.remove("_csrf");
        model.put("typed", kept);
        List<StaffRole> roles = staff.roles(StaffPrincipal.city(authentication));
        Map<String, String> labels = roles.stream().collect(Collectors.toMap(StaffRole::name, StaffRole::label,
                (a, b) -> a, LinkedHashMap::new));
        model.put("roles", roles.stream().map(this::roleRow).toList());
        model.put("roleLabels", labels);
        model.put("accounts", staff.accounts(StaffPrincipal.city(authentication)).stream()
                .map(a -> accountRow(a, labels)).toList());
        model.put("permissions", Arrays.stream(Permission.values())
                .map(p -> Map.of("name", p.name(), "label", p.label())).toList());
        model.put("minimumLength", PasswordPolicy.MINIMUM_LENGTH);
        model.put("departments", departments.stream().map(d -> Map.of("code", d.code(), "name", d.name())).toList());
        return new ModelAndView<>("admin/staff", model);
    }

    private Map<String, Object> accountRow(AccountSummary a, Map<String, String> labels) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("username", a.username());
        row.put("displayName", a.displayName());
        row.put("roles", a.roles());
        row.put("roleNames", a.roles().stream().map(r -> labels.getOrDefault(r, r)).collect(Collectors.joining("・")));
        row.put("enabled", a.enabled());
        row.put("locked", a.locked());
        row.put("state", !a.enabled() ? "無効" : a.locked() ? "ロック中（" + WHEN.format(a.lockedUntil().atZone(zone)) + "まで）"
                : a.failedLogins() > 0 ? "有効（失敗 " + a.failedLogins() + " 回）" : "有効");
        row.put("secondFactor", a.secondFactor() ? "登録済み" : "未登録");
        row.put("version", a.version());
        return row;
    }

    private Map<String, Object> roleRow(StaffRole r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", r.name());
        row.put("label", r.label());
        row.put("permissions", r.permissions().stream().map(Permission::name).collect(Collectors.toCollection(TreeSet::new)));
        row.put("permissionLabels", r.permissions().stream().sorted().map(Permission::label).collect(Collectors.joining("、")));
        row.put("department", departments.stream().filter(d -> d.code().equals(r.department())).map(d -> d.name())
                .findFirst().orElse(r.department().isEmpty() ? "すべて" : r.department()));
        return row;
    }

    private static String text(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Collection<?> many) {
            value = many.isEmpty() ? null : many.iterator().next();
        }
        return value == null ? "" : value.toString().strip();
    }

    /** A checkbox group: one value arrives as a string, several as a list, none as nothing. */
    private static Set<String> values(Object value) {
        if (value == null) {
            return Set.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
        }
        return Set.of(value.toString());
    }

    private static Set<Permission> permissions(Set<String> names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            try {
                permissions.add(Permission.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new Rejection("screen.input", "権限「" + name + "」はありません");
            }
        }
        return permissions;
    }
}
