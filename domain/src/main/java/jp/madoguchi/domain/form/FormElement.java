package jp.madoguchi.domain.form;

import java.util.List;
import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * One thing placed on a form page, in millimetres from the top-left corner of the paper.
 *
 * @param field   the dictionary field it prints (null for labels, frames, the signature box and the QR code)
 * @param text    a label's text, the value a check box stands for, or a table's columns
 * @param size    font size in points (0: the element's default)
 * @param count   how many boxes a per-character field has
 * @param font    the typeface the designer chose ({@link Typeface#DEFAULT}: names and addresses in MJ明朝, the rest
 *                in 明朝)
 */
public record FormElement(Kind kind, float x, float y, float width, float height, String field, String text, float size,
                          int count, Typeface font) {

    /** The typefaces a form may ask for, by the word its definition uses. */
    public enum Typeface {
        DEFAULT("既定"), MINCHO("明朝"), GOTHIC("ゴシック"), MJ("MJ明朝");

        private final String word;

        Typeface(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static java.util.Optional<Typeface> byWord(String word) {
            return java.util.Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
        }
    }

    /** The kinds of element, by the word a form definition uses for them. */
    public enum Kind {
        HEADING("見出し"), LABEL("ラベル"), TEXT("文字"), BOXES("升目"), CHECK("チェック"), ERA("元号"), TABLE("表"),
        FRAME("枠"), SIGNATURE("署名欄"), QR("QR");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean needsField() {
            return this == TEXT || this == BOXES || this == CHECK || this == ERA || this == TABLE;
        }

        public boolean takesFont() {
            return this == HEADING || this == LABEL || this == TEXT || this == BOXES || this == TABLE;
        }

        public boolean needsText() {
            return this == HEADING || this == LABEL || this == CHECK || this == TABLE;
        }
    }

    public FormElement {
        Objects.requireNonNull(kind, "要素の種類がありません");
        font = font == null ? Typeface.DEFAULT : font;
        if (font != Typeface.DEFAULT && !kind.takesFont()) {
            throw new Rejection("form.form-element", kind.word() + "には書体を指定できません（見出し・ラベル・文字・升目・表）");
        }
        if (width <= 0 || height <= 0) {
            throw new Rejection("form.form-element", kind.word() + "の幅と高さは 0 より大きくします");
        }
        if (x < 0 || y < 0) {
            throw new Rejection("form.form-element", kind.word() + "の位置は用紙の内側（0 以上）にします");
        }
        if (kind.needsField() && (field == null || field.isBlank())) {
            throw new Rejection("form.form-element", kind.word() + "には項目名が要ります");
        }
        if (kind.needsText() && (text == null || text.isBlank())) {
            throw new Rejection("form.form-element", kind.word() + "には「」で囲んだ文字が要ります");
        }
        if (kind == Kind.BOXES && (count < 1 || count > 40)) {
            throw new Rejection("form.form-element", "升目の数は 1〜40 です");
        }
    }

    /** A table's columns (dictionary member columns: 氏名, フリガナ, 生年月日, 性別, 続柄 …). */
    public List<String> columns() {
        return kind == Kind.TABLE ? List.of(text.split("[,、]")) : List.of();
    }
}
