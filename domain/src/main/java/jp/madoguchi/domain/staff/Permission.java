package jp.madoguchi.domain.staff;

/**
 * What a member of staff may do (権限). A city groups permissions into its own roles (役割) on the administration
 * page; each route of the screens asks for exactly one permission, never for a role, so a role the city invents
 * works everywhere without a change in code.
 */
public enum Permission {
    RECEPTION("窓口受付（受付の確認・聞き取り・印刷・回付・完了）", false),
    RESIDENT_SEARCH("住民の検索・閲覧", false),
    INDIVIDUAL_NUMBER_REVEAL("個人番号の表示（表示のたびに記録）", false),
    STATISTICS("統計・報告の閲覧（職員名なし）", false),
    STATISTICS_BY_STAFF("統計の職員別の閲覧", false),
    LINKAGE("前方連携の取込・取込履歴", true),
    TERMINALS("記載台・窓口端末の登録", true),
    ACCOUNTS("職員・役割の管理", true),
    PROCEDURE_RULES("関連手続の規則の管理", true),
    FORMS("様式の設計・公開", true),
    AUDIT("アクセス記録の閲覧・出力", true);

    private final String label;
    private final boolean administrative;

    Permission(String label, boolean administrative) {
        this.label = label;
        this.administrative = administrative;
    }

    public String label() {
        return label;
    }

    /** Administrative permissions always need the second factor at login. */
    public boolean administrative() {
        return administrative;
    }
}
