package jp.madoguchi.domain.procedure;

import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 手続: one thing a visitor asks for, done at one department's counter (住民票の写しの交付, 転入届, 国保の資格取得…).
 *
 * @param code       stable identifier used in data and exports, e.g. {@code RESIDENT_CERTIFICATE}
 * @param name       how citizens and staff call it, e.g. 住民票の写し
 * @param department the counter that handles it
 * @param lifeEvent  the life event it belongs to, or {@link LifeEvent#CERTIFICATE} for certificate-only visits
 */
public record Procedure(String code, String name, Department department, LifeEvent lifeEvent) {

    public Procedure {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,63}")) {
            throw new Rejection("procedure.procedure", "手続コードは英大文字で始まる英数字です: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new Rejection("procedure.procedure", "手続名がありません");
        }
        Objects.requireNonNull(department, "担当課がありません");
        Objects.requireNonNull(lifeEvent, "ライフイベントがありません");
    }
}
