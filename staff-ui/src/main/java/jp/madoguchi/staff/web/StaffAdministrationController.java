package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
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
    private final Clock clock;

    public StaffAdministrationController(ManageStaffUseCase staff, ListProceduresUseCase procedures, Clock clock) {
        this.staff = staff;
        this.clock = clock;
        this.departments = procedures.departments();
        this.zone = clock.getZone();
    }

    /** The 職員と役割 page; {@code typed} is what a refused form had, the password never among it. */
    @Introspected
    public record StaffPage(String staffName, String notice, String error, Typed typed, List<AccountRow> accounts,
                            List<RoleRow> roles, List<PermissionOption> permissions, int minimumLength,
                            List<DepartmentOption> departments) {
    }

    public record Typed(String username, String displayName, String name, String label, String department) {
        static final Typed NOTHING = new Typed("", "", "", "", "");
    }

    public record AccountRow(String username, String displayName, Set<String> roles, String roleNames, boolean enabled,
                             boolean locked, String state, String secondFactor, int version) {
    }

    public record RoleRow(String name, String label, Set<String> permissions, String permissionLabels, String department) {
    }

    public record PermissionOption(String name, String label) {
    }

    public record DepartmentOption(String code, String name) {
    }

    /** The account forms as posted (each uses some fields); {@code roles} is a checkbox group, absent when none is ticked. */
    @Serdeable
    public record AccountForm(@Nullable String username, @Nullable String displayName, @Nullable String password,
                              @Nullable List<String> roles, @Nullable String enabled, @Nullable String version) {

        Typed typed() {
            return new Typed(text(username), text(displayName), "", "", "");
        }

        Set<String> roleNames() {
            return roles == null ? Set.of() : roles.stream().map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        }

        int expectedVersion() {
            try {
                return Integer.parseInt(text(version));
            } catch (NumberFormatException e) {
                throw new Rejection("screen.input", "画面を開き直してから変更してください");
            }
        }
    }

    /** The role form as posted; {@code permissions} is a checkbox group. */
    @Serdeable
    public record RoleForm(@Nullable String name, @Nullable String label, @Nullable List<String> permissions,
                           @Nullable String department) {

        Typed typed() {
            return new Typed("", "", text(name), text(label), text(department));
        }
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<StaffPage> list(Authentication authentication, @Nullable @QueryValue String notice) {
        return page(authentication, notice, null, Typed.NOTHING);
    }

    @Post(value = "/accounts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(Authentication authentication, @Body AccountForm form) {
        return change(authentication, form.typed(), () -> staff.createAccount(new ManageStaffUseCase.CreateAccountCommand(
                        StaffPrincipal.city(authentication), text(form.username()), text(form.displayName()),
                        text(form.password()), form.roleNames(), StaffPrincipal.operator(authentication))),
                "職員「" + text(form.username()) + "」を登録しました。初めてのログインで二要素認証を設定します（管理者の役割、または市の設定のとき）。");
    }

    @Post(value = "/accounts/update", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> update(Authentication authentication, @Body AccountForm form) {
        return change(authentication, form.typed(), () -> staff.updateAccount(new ManageStaffUseCase.UpdateAccountCommand(
                        StaffPrincipal.city(authentication), text(form.username()), text(form.displayName()),
                        form.roleNames(), "on".equals(text(form.enabled())), form.expectedVersion(),
                        StaffPrincipal.operator(authentication))),
                "職員「" + text(form.username()) + "」を変更しました。役割の変更は次のログインから有効です。");
    }

    @Post(value = "/accounts/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> password(Authentication authentication, @Body AccountForm form) {
        return change(authentication, form.typed(), () -> staff.resetPassword(StaffPrincipal.city(authentication),
                        text(form.username()), text(form.password()), StaffPrincipal.operator(authentication)),
                "職員「" + text(form.username()) + "」のパスワードを再設定しました。本人に安全な方法で伝えてください。");
    }

    @Post(value = "/accounts/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> unlock(Authentication authentication, @Body AccountForm form) {
        return change(authentication, form.typed(), () -> staff.unlock(StaffPrincipal.city(authentication),
                text(form.username()), StaffPrincipal.operator(authentication)),
                "職員「" + text(form.username()) + "」のロックを解除しました。");
    }

    @Post(value = "/accounts/second-factor", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> resetSecondFactor(Authentication authentication, @Body AccountForm form) {
        return change(authentication, form.typed(), () -> staff.resetSecondFactor(StaffPrincipal.city(authentication),
                text(form.username()), StaffPrincipal.operator(authentication)),
                "職員「" + text(form.username()) + "」は次のログインで認証アプリを登録し直します（機種変更・紛失のとき）。");
    }

    @Post(value = "/roles", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> saveRole(Authentication authentication, @Body RoleForm form) {
        return change(authentication, form.typed(), () -> staff.saveRole(new ManageStaffUseCase.SaveRoleCommand(
                        StaffPrincipal.city(authentication), text(form.name()), text(form.label()),
                        permissions(form.permissions() == null ? List.of() : form.permissions()), text(form.department()),
                        StaffPrincipal.operator(authentication))),
                "役割「" + text(form.label()) + "」を保存しました。この役割の職員には次のログインから有効です。");
    }

    /** 人事異動の一括登録: the file's members added or changed, all or nothing; new members' passwords shown once. */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> importAccounts(Authentication authentication, CompletedFileUpload file) {
        try {
            ManageStaffUseCase.StaffImport result = staff.importAccounts(new ManageStaffUseCase.ImportStaffCommand(
                    StaffPrincipal.city(authentication), StaffCsv.read(file.getBytes()), StaffPrincipal.operator(authentication)));
            if (!result.applied()) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("admin/staff-import",
                        new ImportPage(StaffPrincipal.displayName(authentication), file.getFilename(), result.problems(),
                                List.of(), List.of())));
            }
            return HttpResponse.ok(new ModelAndView<>("admin/staff-import", new ImportPage(
                    StaffPrincipal.displayName(authentication), file.getFilename(), List.of(), result.created(), result.changed())))
                    .header("Cache-Control", "no-store");
        } catch (java.io.IOException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(authentication, null, "ファイルを読めませんでした", Typed.NOTHING));
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(authentication, null, ScreenMessage.of(e), Typed.NOTHING));
        }
    }

    /** 一括登録の結果: the problems (nothing changed), or who was added (with the one-time password) and changed. */
    @Introspected
    public record ImportPage(String staffName, String file, List<String> problems,
                             List<ManageStaffUseCase.CreatedAccount> created, List<String> changed) {
    }

    /** ひな形: the heading row and two example rows. */
    @Get("/import-template.csv")
    public HttpResponse<byte[]> template() {
        return HttpResponse.ok(("\uFEFF" + StaffCsv.TEMPLATE).getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"staff-import-template.csv\"");
    }

    private HttpResponse<?> change(Authentication authentication, Typed typed, Runnable change, String notice) {
        try {
            change.run();
            return HttpResponse.seeOther(URI.create("/admin/staff?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(authentication, null, ScreenMessage.of(e), typed));
        } catch (ConcurrentUpdateException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(page(authentication, null, ScreenMessage.of(e), typed));
        }
    }

    private ModelAndView<StaffPage> page(Authentication authentication, String notice, String error, Typed typed) {
        List<StaffRole> roles = staff.roles(StaffPrincipal.city(authentication));
        Map<String, String> labels = roles.stream().collect(Collectors.toMap(StaffRole::name, StaffRole::label,
                (a, b) -> a, LinkedHashMap::new));
        return new ModelAndView<>("admin/staff", new StaffPage(StaffPrincipal.displayName(authentication), notice, error,
                typed,
                staff.accounts(StaffPrincipal.city(authentication)).stream().map(a -> accountRow(a, labels)).toList(),
                roles.stream().map(this::roleRow).toList(),
                Arrays.stream(Permission.values()).map(p -> new PermissionOption(p.name(), p.label())).toList(),
                PasswordPolicy.MINIMUM_LENGTH,
                departments.stream().map(d -> new DepartmentOption(d.code(), d.name())).toList()));
    }

    private AccountRow accountRow(AccountSummary a, Map<String, String> labels) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        String period = a.validUntil() == null ? "" : "・" + a.validUntil() + "まで";
        return new AccountRow(a.username(), a.displayName(), a.roles(),
                a.roles().stream().map(r -> labels.getOrDefault(r, r)).collect(Collectors.joining("・")),
                a.enabled(), a.locked(),
                !a.enabled() ? "無効" : a.validFrom() != null && today.isBefore(a.validFrom()) ? "開始前（" + a.validFrom() + "から）"
                        : a.validUntil() != null && today.isAfter(a.validUntil()) ? "期間終了（" + a.validUntil() + "まで）"
                        : a.locked() ? "ロック中（" + WHEN.format(a.lockedUntil().atZone(zone)) + "まで）"
                        : a.failedLogins() > 0 ? "有効（失敗 " + a.failedLogins() + " 回" + period + "）"
                        : period.isEmpty() ? "有効" : "有効（" + period.substring(1) + "）",
                a.secondFactor() ? "登録済み" : "未登録", a.version());
    }

    private RoleRow roleRow(StaffRole r) {
        return new RoleRow(r.name(), r.label(),
                r.permissions().stream().map(Permission::name).collect(Collectors.toCollection(TreeSet::new)),
                r.permissions().stream().sorted().map(Permission::label).collect(Collectors.joining("、")),
                departments.stream().filter(d -> d.code().equals(r.department())).map(d -> d.name())
                        .findFirst().orElse(r.department().isEmpty() ? "すべて" : r.department()));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Set<Permission> permissions(List<String> names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            try {
                permissions.add(Permission.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new Rejection("screen.input", "権限「" + name + "」はありません");
            }
        }
        return permissions;
    }
}
