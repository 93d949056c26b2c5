package jp.madoguchi.staff.security;

/** 職員の役割, as the routes name them. */
public final class StaffRole {

    /** 窓口担当 */
    public static final String CLERK = "CLERK";
    /** 統計を見る監督者 */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** システム管理者 */
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    private StaffRole() {
    }
}
