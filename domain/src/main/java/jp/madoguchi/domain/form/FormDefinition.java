package jp.madoguchi.domain.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 様式: one version of a form as data — paper, the elements placed on it, which procedures it serves and how it is
 * signed. A 様式改正 is a new version with its own effective date; a reception keeps the version it printed.
 *
 * @param procedures the procedure codes this form is filled for
 * @param text       the definition as written, so that the designer edits what was written
 */
public record FormDefinition(String id, int version, String title, LocalDate effectiveFrom, Paper paper,
                             boolean landscape, Signing signing, List<String> procedures, List<FormElement> elements,
                             String text) {

    /** Paper sizes in millimetres. */
    public enum Paper {
        A4(210, 297), A3(297, 420);

        private final float width;
        private final float height;

        Paper(float width, float height) {
            this.width = width;
            this.height = height;
        }

        public float width(boolean landscape) {
            return landscape ? height : width;
        }

        public float height(boolean landscape) {
            return landscape ? width : height;
        }
    }

    /** How the form is signed. */
    public enum Signing {
        /** on the counter tablet; the signature image is printed in the signature box */
        SCREEN("画面"),
        /** by hand on the printed paper, as the law requires for 戸籍届 (婚姻届 …) */
        WET("自署"),
        NONE("なし");

        private final String word;

        Signing(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public FormDefinition {
        if (id == null || !id.matches("[A-Z][A-Z0-9_]{1,63}")) {
            throw new Rejection("form.form-definition", "様式IDは英大文字で始まる英大文字・数字・_ で書きます: " + id);
        }
        if (version < 1) {
            throw new Rejection("form.form-definition", "様式の版は1から数えます");
        }
        if (title == null || title.isBlank()) {
            throw new Rejection("form.form-definition", "様式の名称がありません");
        }
        Objects.requireNonNull(effectiveFrom, "有効開始日がありません");
        Objects.requireNonNull(paper, "用紙がありません");
        Objects.requireNonNull(signing, "署名の方法がありません");
        procedures = List.copyOf(procedures);
        elements = List.copyOf(elements);
        for (FormElement e : elements) {
            if (e.x() + e.width() > paper.width(landscape) + 0.01 || e.y() + e.height() > paper.height(landscape) + 0.01) {
                throw new Rejection("form.form-definition", e.kind().word() + "（" + e.x() + ", " + e.y() + "）が用紙からはみ出しています");
            }
        }
        text = text == null ? "" : text;
    }

    public FormDefinition asVersion(int newVersion, LocalDate from) {
        return new FormDefinition(id, newVersion, title, from, paper, landscape, signing, procedures, elements, text);
    }

    /** The dictionary fields the form prints. */
    public List<String> fields() {
        return elements.stream().filter(e -> e.field() != null).map(FormElement::field).distinct().toList();
    }
}
