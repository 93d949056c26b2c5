package jp.madoguchi.domain.handoff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written form of a hand-off layout, as the shipped files and a city's own copies use it:
 *
 * <pre>
 * レイアウト: CERTIFICATE_REQUEST
 * 名称: 証明書等交付申請データ
 * 手続: RESIDENT_CERTIFICATE, SEAL_CERTIFICATE        (この記録を出す手続、「,」区切り)
 * 単位: 手続ごと                                      (手続ごと・世帯員ごと)
 * 送り先: folder                                       (folder・s3、「,」区切り。書かなければすべての送り先)
 * 列: 受付番号 = 受付番号                              (列名 = 項目辞書の項目 [書式])
 * 列: 生年月日 = 生年月日 [西暦8桁]                    (そのまま・和暦・西暦・西暦8桁・0埋め 桁数・コード 表の名前)
 * 列: 続柄コード = 続柄 [コード 続柄]
 * 列: 年度 = 年度 任意                                 (任意: 空でも「足りない項目」に数えない)
 * 列: 個人番号 = 個人番号 [封緘]                       (個人番号は封緘の列にだけ置ける)
 * </pre>
 *
 * Every problem is reported with its line number; a field the dictionary does not know or a code list that does not
 * exist is refused, so a layout never writes a value nobody defined.
 */
public final class HandoffLayoutText {

    private static final Pattern LINE = Pattern.compile("^([^:：]+)[:：]\\s*(.*)$");
    private static final Pattern COLUMN = Pattern.compile("^(\\S+)\\s*=\\s*(\\S+)\\s*(?:\\[([^\\]]*)\\])?\\s*(任意)?\\s*$");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Set<String> TARGETS = Set.of("folder", "s3");

    private HandoffLayoutText() {
    }

    /**
     * @param fields the field dictionary's keys
     * @param codes  the code lists a column may name
     */
    public static HandoffLayout parse(String text, Set<String> fields, CodeLists codes) {
        List<String> problems = new ArrayList<>();
        String id = null;
        String title = null;
        Set<String> procedures = new LinkedHashSet<>();
        Set<String> targets = new LinkedHashSet<>();
        HandoffLayout.Unit unit = HandoffLayout.Unit.PROCEDURE;
        List<HandoffLayout.Column> columns = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = (i + 1) + "行目: ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(where + "「項目: 値」の形ではありません");
                continue;
            }
            String value = m.group(2).strip();
            switch (m.group(1).strip()) {
                case "レイアウト" -> {
                    if (!ID.matcher(value).matches()) {
                        problems.add(where + "レイアウトの名前は英大文字・数字・_ で書きます: " + value);
                    }
                    id = value;
                }
                case "名称" -> title = value;
                case "手続" -> Arrays.stream(value.split("[,、]")).map(String::strip).filter(s -> !s.isEmpty())
                        .forEach(procedures::add);
                case "単位" -> {
                    HandoffLayout.Unit found = Arrays.stream(HandoffLayout.Unit.values())
                            .filter(u -> u.word().equals(value)).findFirst().orElse(null);
                    if (found == null) {
                        problems.add(where + "単位は「手続ごと」か「世帯員ごと」です: " + value);
                    } else {
                        unit = found;
                    }
                }
                case "送り先" -> Arrays.stream(value.split("[,、]")).map(String::strip).filter(t -> !t.isEmpty()).forEach(t -> {
                    if (!TARGETS.contains(t)) {
                        problems.add(where + "送り先は folder（RPAフォルダ）か s3（バケット）です: " + t);
                    }
                    targets.add(t);
                });
                case "列" -> column(value, where, fields, codes, problems, names).ifPresent(columns::add);
                default -> problems.add(where + "知らない項目です: " + m.group(1).strip());
            }
        }
        if (id == null) {
            problems.add("「レイアウト: 名前」の行がありません");
        }
        if (procedures.isEmpty()) {
            problems.add("「手続:」で、この記録を出す手続を1つ以上書いてください");
        }
        if (columns.isEmpty()) {
            problems.add("列が1つもありません");
        }
        if (!problems.isEmpty()) {
            throw new HandoffLayoutException(id, problems);
        }
        return new HandoffLayout(id, title == null ? id : title, procedures, unit, columns, targets);
    }

    private static java.util.Optional<HandoffLayout.Column> column(String value, String where, Set<String> fields,
                                                                   CodeLists codes, List<String> problems,
                                                                   Set<String> names) {
        Matcher c = COLUMN.matcher(value);
        if (!c.matches()) {
            problems.add(where + "列は「列名 = 項目 [書式] [任意]」と書きます: " + value);
            return java.util.Optional.empty();
        }
        String name = c.group(1);
        String field = c.group(2);
        int before = problems.size();
        if (!names.add(name)) {
            problems.add(where + "列名「" + name + "」が二度あります");
        }
        if (!fields.contains(field) && !field.equals(HandoffLayout.INDIVIDUAL_NUMBER)) {
            problems.add(where + "項目「" + field + "」は項目辞書にありません");
        }
        ColumnFormat format = format(c.group(3), where, codes, problems);
        if (field.equals(HandoffLayout.INDIVIDUAL_NUMBER) && format.style() != ColumnFormat.Style.SEALED) {
            problems.add(where + "個人番号は「[封緘]」の列にだけ置けます（平文では出力しません）");
        }
        return problems.size() == before ? java.util.Optional.of(new HandoffLayout.Column(name, field, format, c.group(4) != null))
                : java.util.Optional.empty();
    }

    private static ColumnFormat format(String text, String where, CodeLists codes, List<String> problems) {
        if (text == null || text.isBlank()) {
            return ColumnFormat.AS_IS;
        }
        String[] words = text.strip().split("\\s+");
        ColumnFormat.Style style = Arrays.stream(ColumnFormat.Style.values()).filter(s -> s.word().equals(words[0]))
                .findFirst().orElse(null);
        if (style == null) {
            problems.add(where + "書式は そのまま・和暦・西暦・西暦8桁・0埋め 桁数・コード 表の名前・封緘 のどれかです: " + text);
            return ColumnFormat.AS_IS;
        }
        if (style == ColumnFormat.Style.ZERO_PAD) {
            if (words.length != 2 || !words[1].matches("[1-9]\\d?")) {
                problems.add(where + "0埋めには桁数を書きます（例: 0埋め 2）");
                return ColumnFormat.AS_IS;
            }
            return new ColumnFormat(style, Integer.parseInt(words[1]), null);
        }
        if (style == ColumnFormat.Style.CODE) {
            if (words.length != 2 || !codes.has(words[1])) {
                problems.add(where + "コード表「" + (words.length > 1 ? words[1] : "") + "」がありません");
                return ColumnFormat.AS_IS;
            }
            return new ColumnFormat(style, 0, words[1]);
        }
        return new ColumnFormat(style, 0, null);
    }
}
