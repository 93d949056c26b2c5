package jp.madoguchi.domain.form;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 項目: one entry of the field dictionary (届出人氏名, 異動年月日, 世帯員一覧 …), defined once and placed on any
 * number of forms, so a fact heard once fills every form of the visit.
 *
 * @param key      the name forms use to place it, e.g. 請求者氏名
 * @param path     where the value comes from within its source, e.g. {@code name} of the resident, the key of an
 *                 answer, the text of a constant, or a computed value such as {@code today}
 * @param question what the counter asks when the value is not known yet (answers only); null otherwise
 */
public record FieldDefinition(String key, Type type, Source source, String path, String question) {

    /** The choices at the end of a question: 「…ですか（世帯全員・一部）」. */
    private static final Pattern CHOICES = Pattern.compile("（([^（）]+)）$");

    /** How a value is printed. */
    public enum Type {
        /** ordinary text */
        TEXT,
        /** a name or address: printed in the font with the MJ characters */
        NAME,
        /** a date, printed in 和暦 with 元年; a 不詳日 as written */
        DATE,
        /** one of a few values, printed as ticked boxes */
        CHOICE,
        /** digits, e.g. 通数 */
        NUMBER,
        /** the household members, printed as a table */
        MEMBERS
    }

    /** Where a value comes from. */
    public enum Source {
        RESIDENT("住民"), HOUSEHOLD("世帯"), CARD("カード"), ANSWER("回答"), CONSTANT("定数"), COMPUTED("計算"),
        RECEPTION("受付");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public FieldDefinition {
        if (key == null || key.isBlank() || key.contains(" ")) {
            throw new Rejection("form.field-definition", "項目名がありません（空白を含めない名前にします）: " + key);
        }
        Objects.requireNonNull(type, "項目の型がありません: " + key);
        Objects.requireNonNull(source, "項目の出どころがありません: " + key);
        path = path == null ? "" : path;
        if (source == Source.ANSWER && (question == null || question.isBlank())) {
            throw new Rejection("form.field-definition", "回答の項目「" + key + "」には聞き取りの質問が要ります");
        }
    }

    /**
     * The values a CHOICE answer may take, as the dictionary's question lists them at its end (「…ですか（世帯全員・一部）」):
     * the counter offers exactly these, never a free text. Empty for other fields.
     */
    public List<String> choices() {
        if (type != Type.CHOICE || question == null) {
            return List.of();
        }
        Matcher listed = CHOICES.matcher(question.strip());
        return listed.find() ? List.of(listed.group(1).split("・")) : List.of();
    }
}
