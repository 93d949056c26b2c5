package jp.madoguchi.staff.security;

/**
 * The permission names routes ask for in {@code @Secured} (annotation values must be constants). They are the
 * names of {@link jp.madoguchi.domain.staff.Permission}; a test keeps the two lists equal. A login token carries
 * the permissions of the member's roles, never the role names, so a role a city invents works everywhere.
 */
public final class Permissions {

    public static final String RECEPTION = "RECEPTION";
    public static final String RESIDENT_SEARCH = "RESIDENT_SEARCH";
    public static final String INDIVIDUAL_NUMBER_REVEAL = "INDIVIDUAL_NUMBER_REVEAL";
    public static final String STATISTICS = "STATISTICS";
    public static final String STATISTICS_BY_STAFF = "STATISTICS_BY_STAFF";
    public static final String LINKAGE = "LINKAGE";
    public static final String TERMINALS = "TERMINALS";
    public static final String ACCOUNTS = "ACCOUNTS";
    public static final String PROCEDURE_RULES = "PROCEDURE_RULES";
    public static final String FORMS = "FORMS";
    public static final String AUDIT = "AUDIT";

    private Permissions() {
    }
}
