package jp.madoguchi.domain.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.domain.shared.Rejection;

/**
 * The written form of a form definition, as the shipped files, the designer and exported files use it:
 *
 * <pre>
 * 様式: RESIDENT_CERTIFICATE_REQUEST
 * 名称: 住民票の写し等交付申請書
 * 用紙: A4 縦                       (A4・A3、縦・横)
 * 署名: 画面                        (画面・自署・なし)
 * 手続: RESIDENT_CERTIFICATE        (この様式を使う手続、「,」区切り)
 * 有効: 2024-04-01
 * 見出し: 40 12 130 12 「住民票の写し等交付申請書」 18
 * ラベル: 15 40 30 8 「氏名」 9
 * 文字: 45 40 80 8 請求者氏名 12       (x y 幅 高さ [mm] 項目 [文字の大きさ] [書体])
 * ラベル: 15 30 40 6 「請求者」 9 ゴシック  (書体: 明朝・ゴシック・MJ明朝。なし: 氏名・住所は MJ明朝、ほかは明朝)
 * 升目: 45 50 42 7 郵便番号 7          (1字ずつの升目の数)
 * チェック: 45 60 30 6 範囲 「世帯全員」 (項目の値がこの値ならチェック)
 * 元号: 45 70 60 6 生年月日            (明・大・昭・平・令 に印)
 * 表: 15 90 180 60 世帯員一覧 「氏名,生年月日,続柄」
 * 枠: 15 38 180 40
 * 署名欄: 120 250 75 20
 * QR: 175 8 22 22
 * </pre>
 *
 * Every problem is reported with its line number; what is not known to the dictionary is refused too.
 */
public final class FormDefinitionText {

    private static final Pattern LINE = Pattern.compile("^([^:：]+)[:：]\\s*(.*)$");
    private static final Pattern TOKEN = Pattern.compile("「([^」]*)」|(\\S+)");

    private FormDefinitionText() {
    }

    public static FormDefinition parse(String text, FieldDictionary dictionary) {
        List<String> problems = new ArrayList<>();
        String id = null;
        String title = null;
        FormDefinition.Paper paper = FormDefinition.Paper.A4;
        boolean landscape = false;
        FormDefinition.Signing signing = FormDefinition.Signing.NONE;
        List<String> procedures = List.of();
        LocalDate from = LocalDate.of(2000, 1, 1);
        List<FormElement> elements = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = (i + 1) + "行目: ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(where + "「項目: 値」の形で書いてください（" + line + "）");
                continue;
            }
            String key = m.group(1).strip();
            String value = m.group(2).strip();
            try {
                switch (key) {
                    case "様式":
                        id = value;
                        break;
                    case "名称":
                        title = value;
                        break;
                    case "用紙":
                        String[] p = value.split("\\s+");
                        paper = java.util.Arrays.stream(FormDefinition.Paper.values()).filter(x -> x.name().equalsIgnoreCase(p[0]))
                                .findFirst().orElseThrow(() -> new Rejection("form.form-definition-text", "用紙は A4 か A3 です（" + p[0] + "）"));
                        landscape = p.length > 1 && p[1].equals("横");
                        if (p.length > 1 && !Set.of("縦", "横").contains(p[1])) {
                            throw new Rejection("form.form-definition-text", "用紙の向きは 縦 か 横 です");
                        }
                        break;
                    case "署名":
                        signing = Arrays.stream(FormDefinition.Signing.values()).filter(s -> s.word().equals(value))
                                .findFirst().orElseThrow(() -> new Rejection("form.form-definition-text", "署名は 画面・自署・なし のどれかです"));
                        break;
                    case "手続":
                        procedures = Arrays.stream(value.split("[,、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                        break;
                    case "有効":
                        from = LocalDate.parse(value);
                        break;
                    default:
                        elements.add(element(key, value, dictionary));
                }
            } catch (DateTimeParseException e) {
                problems.add(where + "日付は 2024-04-01 の形で書きます（" + value + "）");
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                return new FormDefinition(id, 1, title, from, paper, landscape, signing, procedures, elements,
                        text.strip() + "\n");
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(e.getMessage());
            }
        }
        throw new FormTextException(problems);
    }

    private static FormElement element(String word, String value, FieldDictionary dictionary) {
        FormElement.Kind kind = Arrays.stream(FormElement.Kind.values()).filter(k -> k.word().equals(word)).findFirst()
                .orElseThrow(() -> new Rejection("form.form-definition-text", "「" + word + "」という項目・要素はありません（見出し・ラベル・文字・升目・"
                        + "チェック・元号・表・枠・署名欄・QR、または 様式・名称・用紙・署名・手続・有効）"));
        List<String> tokens = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        Matcher t = TOKEN.matcher(value);
        while (t.find()) {
            tokens.add(t.group(1) != null ? t.group(1) : t.group(2));
            quoted.add(t.group(1) != null);
        }
        // a typeface word may stand last: 「… 12 ゴシック」
        FormElement.Typeface font = FormElement.Typeface.DEFAULT;
        int last = tokens.size() - 1;
        if (last >= 4 && !quoted.get(last) && FormElement.Typeface.byWord(tokens.get(last)).isPresent()) {
            font = FormElement.Typeface.byWord(tokens.remove(last)).orElseThrow();
            quoted.remove(last);
        }
        if (tokens.size() < 4) {
            throw new Rejection("form.form-definition-text", word + "は「x y 幅 高さ」（mm）から書きます");
        }
        float[] box = new float[4];
        for (int i = 0; i < 4; i++) {
            try {
                box[i] = Float.parseFloat(tokens.get(i));
            } catch (NumberFormatException e) {
                throw new Rejection("form.form-definition-text", word + "の位置と大きさは数で書きます（" + tokens.get(i) + "）");
            }
        }
        int next = 4;
        String field = null;
        if (kind.needsField()) {
            if (tokens.size() <= next || quoted.get(next)) {
                throw new Rejection("form.form-definition-text", word + "には項目名が要ります");
            }
            field = tokens.get(next++);
            FieldDefinition definition = dictionary.find(field).orElseThrow(() -> new Rejection("form.form-definition-text",
                    "項目「" + tokens.get(4) + "」は項目辞書にありません"));
            if (kind == FormElement.Kind.TABLE && definition.type() != FieldDefinition.Type.MEMBERS) {
                throw new Rejection("form.form-definition-text", "表に置けるのは一覧の項目（世帯員一覧など）です");
            }
            if (kind == FormElement.Kind.ERA && definition.type() != FieldDefinition.Type.DATE) {
                throw new Rejection("form.form-definition-text", "元号の印は日付の項目に付けます");
            }
        }
        String text = null;
        if (tokens.size() > next && quoted.get(next)) {
            text = tokens.get(next++);
        }
        float size = 0;
        int count = 0;
        if (tokens.size() > next) {
            try {
                if (kind == FormElement.Kind.BOXES) {
                    count = Integer.parseInt(tokens.get(next++));
                } else {
                    size = Float.parseFloat(tokens.get(next++));
                }
            } catch (NumberFormatException e) {
                throw new Rejection("form.form-definition-text", word + "の最後は数（文字の大きさ・升目の数）です: " + tokens.get(next - 1));
            }
        }
        if (tokens.size() > next) {
            throw new Rejection("form.form-definition-text", word + "の余分な書き込み: " + String.join(" ", tokens.subList(next, tokens.size())));
        }
        return new FormElement(kind, box[0], box[1], box[2], box[3], field, text, size, count, font);
    }
}
