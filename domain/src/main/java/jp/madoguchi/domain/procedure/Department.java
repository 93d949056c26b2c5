package jp.madoguchi.domain.procedure;

import jp.madoguchi.domain.shared.Rejection;

/** 担当課 (a counter's department), e.g. {@code SHIMIN} 市民課. */
public record Department(String code, String name) {

    public Department {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw new Rejection("procedure.department", "担当課コードは英大文字で始まる英数字です: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new Rejection("procedure.department", "担当課名がありません");
        }
    }
}
