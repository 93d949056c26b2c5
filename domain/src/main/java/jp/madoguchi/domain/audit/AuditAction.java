package jp.madoguchi.domain.audit;

/** What an access-history entry records (アクセス記録の操作種別). */
public enum AuditAction {
    VIEW_RESIDENT("住民情報の閲覧"),
    SEARCH_RESIDENTS("住民の検索"),
    PRINT("印刷"),
    EXPORT("出力"),
    IMPORT("取込"),
    LOGIN("ログイン"),
    LOGIN_FAILED("ログイン失敗"),
    LOGOUT("ログアウト"),
    REVEAL_INDIVIDUAL_NUMBER("個人番号の表示"),
    READ_AUDIT_TRAIL("アクセス記録の閲覧"),
    ADMINISTRATION("管理操作");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
