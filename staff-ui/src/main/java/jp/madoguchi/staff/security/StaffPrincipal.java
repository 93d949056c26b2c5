package jp.madoguchi.staff.security;

import java.util.List;
import java.util.Map;

import io.micronaut.security.authentication.Authentication;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase.StaffMember;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.staff.Permission;

/** Reads the logged-in member of staff from the token: their city and their name for the timeline. */
public final class StaffPrincipal {

    static final String CITY = "city";
    static final String DISPLAY_NAME = "displayName";
    static final String DEPARTMENTS = "departments";
    static final String TERMINAL = "terminal";
    /** The login's session (staff_session), checked on every request: ending it ends the login on every server. */
    static final String SESSION = "sid";

    private StaffPrincipal() {
    }

    /** What the login token says about a member of staff: user ID, permissions, city and display name. */
    /** @param terminal where the member logged in from; their access-history entries name it */
    public static Authentication of(StaffMember member, String terminal, String sessionId) {
        List<String> permissions = member.permissions().stream().map(Permission::name).sorted().toList();
        return Authentication.build(member.username(), permissions, Map.of(CITY, member.city().value(),
                DISPLAY_NAME, member.displayName(), DEPARTMENTS, member.departments().stream().sorted().toList(),
                TERMINAL, terminal == null ? "" : terminal, SESSION, sessionId));
    }

    /** The login's session id, or empty for a token without one (issued before sessions were kept). */
    public static String sessionId(Authentication authentication) {
        Object value = authentication.getAttributes().get(SESSION);
        return value == null ? "" : value.toString();
    }

    /** The 担当課 codes whose receptions the member serves; empty for all. */
    public static java.util.Set<String> departments(Authentication authentication) {
        Object value = authentication.getAttributes().get(DEPARTMENTS);
        if (!(value instanceof java.util.Collection<?> codes)) {
            return java.util.Set.of();
        }
        java.util.Set<String> departments = new java.util.TreeSet<>();
        codes.forEach(code -> departments.add(String.valueOf(code)));
        return departments;
    }

    public static LocalGovernmentCode city(Authentication authentication) {
        return new LocalGovernmentCode((String) authentication.getAttributes().get(CITY));
    }

    public static Operator operator(Authentication authentication) {
        Object name = authentication.getAttributes().get(DISPLAY_NAME);
        Object terminal = authentication.getAttributes().get(TERMINAL);
        return Operator.staff(authentication.getName(), name == null ? authentication.getName() : name.toString())
                .at(terminal == null ? "" : terminal.toString())
                .serving(departments(authentication))
                .handlingIndividualNumbers(may(authentication, Permission.INDIVIDUAL_NUMBER_REVEAL));
    }

    public static String displayName(Authentication authentication) {
        return operator(authentication).displayName();
    }

    public static boolean may(Authentication authentication, Permission permission) {
        return authentication.getRoles().contains(permission.name());
    }
}
