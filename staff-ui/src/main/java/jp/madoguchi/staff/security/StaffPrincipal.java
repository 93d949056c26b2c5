package jp.madoguchi.staff.security;

import io.micronaut.security.authentication.Authentication;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** Reads the logged-in member of staff from the token: their city and their name for the timeline. */
public final class StaffPrincipal {

    static final String CITY = "city";
    static final String DISPLAY_NAME = "displayName";

    private StaffPrincipal() {
    }

    public static LocalGovernmentCode city(Authentication authentication) {
        return new LocalGovernmentCode((String) authentication.getAttributes().get(CITY));
    }

    public static Operator operator(Authentication authentication) {
        Object name = authentication.getAttributes().get(DISPLAY_NAME);
        return Operator.staff(authentication.getName(), name == null ? authentication.getName() : name.toString());
    }

    public static String displayName(Authentication authentication) {
        return operator(authentication).displayName();
    }
}
