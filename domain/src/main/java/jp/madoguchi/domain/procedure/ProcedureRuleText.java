package jp.madoguchi.domain.procedure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.domain.shared.Rejection;

/**
 * The written form of rules, as the shipped seed files and the administrator's page use it. One rule per block:
 *
 * <pre>
 * 規則: NHI_JOIN_ON_MOVE_IN
 * 手続: NHI_ENROLMENT
 * ライフイベント: 転入
 * 種類: 国内, 国外から        (省略すると全ての種類)
 * 対象: 世帯員               (世帯員ごと、または 世帯 に1件)
 * 条件: 年齢 &lt; 75            (全ての条件を満たすとき。値を「,」で並べるといずれか)
 * 条件: 回答.職場の健康保険 = いいえ
 * 理由: 職場の健康保険に加入していない75歳未満の方がいるため
 * 理由(en): A member under 75 has no employee health insurance
 * 有効: 2024-04-01          (省略可。「2024-04-01〜2027-03-31」で終了日も)
 * 停止: はい                 (この版から規則を止める)
 * </pre>
 *
 * Lines starting with {@code #} are comments. Every problem is reported with its line number.
 */
public final class ProcedureRuleText {

    private static final Pattern LINE = Pattern.compile("^([^:：]+)[:：]\\s*(.*)$");
    private static final Pattern CONDITION = Pattern.compile("^(\\S+?)\\s*(<=|>=|!=|≠|=|<|>)\\s*(.+)$");
    private static final Pattern REASON = Pattern.compile("^理由(?:\\((\\p{Alpha}{2})\\))?$");

    private ProcedureRuleText() {
    }

    /** Every rule in a text of blocks; each starts at a 「規則:」 line. */
    public static List<ProcedureRule> parseAll(String text, LocalDate defaultEffectiveFrom) {
        List<ProcedureRule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        int start = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean boundary = i == lines.size() || lines.get(i).strip().matches("^規則[:：].*");
            if (boundary && start >= 0) {
                parseBlock(lines.subList(start, i), start + 1, defaultEffectiveFrom, rules, problems);
            }
            if (boundary) {
                start = i;
            } else if (start < 0 && !lines.get(i).isBlank() && !lines.get(i).strip().startsWith("#")) {
                problems.add((i + 1) + "行目: 規則は「規則: ID」の行から書き始めます");
            }
        }
        List<String> ids = rules.stream().map(ProcedureRule::id).toList();
        ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).distinct()
                .forEach(id -> problems.add("規則ID " + id + " が2回以上あります"));
        if (!problems.isEmpty()) {
            throw new RuleTextException(problems);
        }
        return rules;
    }

    /** Exactly one rule, as the administrator's page edits it. */
    public static ProcedureRule parseOne(String text, LocalDate defaultEffectiveFrom) {
        List<ProcedureRule> rules = parseAll(text, defaultEffectiveFrom);
        if (rules.size() != 1) {
            throw new RuleTextException(List.of("1つの規則を書いてください（" + rules.size() + "件あります）"));
        }
        return rules.get(0);
    }

    private static void parseBlock(List<String> block, int firstLine, LocalDate defaultFrom, List<ProcedureRule> rules,
                                   List<String> problems) {
        int before = problems.size();
        String id = null;
        String procedure = null;
        LifeEvent event = null;
        List<String> kinds = List.of();
        ProcedureRule.Target target = ProcedureRule.Target.MEMBER;
        List<RuleCondition> conditions = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        LocalDate from = defaultFrom;
        LocalDate until = null;
        boolean suspended = false;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i).strip();
            String where = (firstLine + i) + "行目: ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            text.append(line).append('\n');
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(where + "「項目: 値」の形で書いてください（" + line + "）");
                continue;
            }
            String key = m.group(1).strip();
            String value = m.group(2).strip();
            Matcher reason = REASON.matcher(key);
            try {
                if (reason.matches()) {
                    reasons.put(reason.group(1) == null ? "ja" : reason.group(1).toLowerCase(), value);
                    continue;
                }
                switch (key) {
                    case "規則":
                        id = value;
                        break;
                    case "手続":
                        procedure = value;
                        break;
                    case "ライフイベント":
                        event = LifeEvent.named(value).orElseThrow(() -> new Rejection("procedure.procedure-rule-text",
                                "ライフイベント「" + value + "」はありません。使えるもの: " + String.join("、",
                                        Arrays.stream(LifeEvent.values()).map(LifeEvent::label).toList())));
                        break;
                    case "種類":
                        kinds = split(value);
                        break;
                    case "対象":
                        target = Arrays.stream(ProcedureRule.Target.values()).filter(t -> t.label().equals(value))
                                .findFirst().orElseThrow(() -> new Rejection("procedure.procedure-rule-text", "対象は「世帯員」か「世帯」です"));
                        break;
                    case "条件":
                        conditions.add(condition(value));
                        break;
                    case "有効":
                        String[] period = value.split("〜|~", -1);
                        from = LocalDate.parse(period[0].strip());
                        until = period.length > 1 && !period[1].isBlank() ? LocalDate.parse(period[1].strip()) : null;
                        break;
                    case "停止":
                        suspended = value.equals("はい");
                        break;
                    default:
                        problems.add(where + "項目「" + key + "」はありません（規則・手続・ライフイベント・種類・対象・条件・理由・有効・停止）");
                }
            } catch (DateTimeParseException e) {
                problems.add(where + "日付は 2024-04-01 の形で書きます（" + value + "）");
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        if (problems.size() > before) {
            return;
        }
        String at = firstLine + "行目からの規則" + (id == null ? "" : " " + id) + ": ";
        if (event == null) {
            problems.add(at + "ライフイベントがありません");
            return;
        }
        if (procedure == null) {
            problems.add(at + "手続（手続コード）がありません");
            return;
        }
        try {
            rules.add(new ProcedureRule(id, 1, from, until, event, kinds, target, conditions, procedure, reasons,
                    suspended, text.toString().strip()));
        } catch (IllegalArgumentException e) {
            problems.add(at + e.getMessage());
        }
    }

    private static RuleCondition condition(String text) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches()) {
            throw new Rejection("procedure.procedure-rule-text", "条件は「項目 比較 値」の形で書きます（例: 年齢 >= 75）: " + text);
        }
        String subject = m.group(1);
        Fact fact = Fact.named(subject).orElseThrow(() -> new Rejection("procedure.procedure-rule-text",
                "条件の項目「" + subject + "」はありません。使える項目: " + Fact.vocabulary()));
        String op = m.group(2).equals("≠") ? "!=" : m.group(2);
        RuleCondition.Operator operator = Arrays.stream(RuleCondition.Operator.values())
                .filter(o -> o.symbol().equals(op)).findFirst().orElseThrow();
        return new RuleCondition(subject, fact, operator, split(m.group(3)));
    }

    private static List<String> split(String values) {
        return Arrays.stream(values.split("[,、，]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
