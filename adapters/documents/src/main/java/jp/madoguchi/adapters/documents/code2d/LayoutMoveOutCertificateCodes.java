package jp.madoguchi.adapters.documents.code2d;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.application.port.out.MoveOutCertificateCodes;
import jp.madoguchi.domain.calendar.Era;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * Reads and writes the 転出証明書 2D code through {@link MoveOutCertificateCodeLayout}. The layout file is read on
 * every use, so an edit takes effect without a restart. A separator or backslash inside a value is escaped with a
 * backslash. Problems are reported by item name, never with the value.
 */
public final class LayoutMoveOutCertificateCodes implements MoveOutCertificateCodes {

    private final Path layoutFolder;
    private final EraTable eras;

    /** @param layoutFolder where a city's own {@code move-out-certificate.layout} may be, or {@code null} */
    public LayoutMoveOutCertificateCodes(Path layoutFolder, EraTable eras) {
        this.layoutFolder = layoutFolder;
        this.eras = eras;
    }

    @Override
    public MoveOutCertificate read(String payload) {
        MoveOutCertificateCodeLayout layout = MoveOutCertificateCodeLayout.load(layoutFolder);
        String text = payload == null ? "" : payload.strip();
        List<String> problems = new ArrayList<>();
        List<String> cells = split(text, layout.separator());
        if (!layout.identifier().isEmpty()) {
            if (cells.isEmpty() || !cells.get(0).equals(layout.identifier())) {
                throw new UnreadableCode(List.of("転出証明書の二次元コードではありません（識別子 " + layout.identifier() + " で始まっていません）"));
            }
            cells = cells.subList(1, cells.size());
        }
        if (cells.size() != layout.items().size()) {
            throw new UnreadableCode(List.of("項目の数が配置と合いません（" + layout.items().size() + " 項目のはずが "
                    + cells.size() + " 項目）。コードが欠けているか、配置ファイルが証明書と合っていません"));
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            MoveOutCertificateCodeLayout.Item item = layout.items().get(i);
            String value = cells.get(i).strip();
            if (value.isEmpty()) {
                if (item.required()) {
                    problems.add(item.name() + " がありません");
                }
                continue;
            }
            if (MoveOutCertificateCodeLayout.KNOWN.contains(item.name())) {
                values.put(item.name(), value);
            }
        }
        LocalDate born = date(values.get("生年月日"), layout.dateFormat(), "生年月日", problems);
        LocalDate planned = date(values.get("転出予定年月日"), layout.dateFormat(), "転出予定年月日", problems);
        LocalGovernmentCode from = null;
        try {
            from = new LocalGovernmentCode(values.getOrDefault("転出元市区町村コード", ""));
        } catch (IllegalArgumentException e) {
            problems.add("転出元市区町村コードが正しくありません（" + e.getMessage() + "）");
        }
        String sexCode = values.getOrDefault("性別", "");
        if (!sexCode.isEmpty() && !List.of("1", "2", "9").contains(sexCode)) {
            problems.add("性別は 1・2・9 のどれかです");
        }
        if (born == null && !values.containsKey("生年月日_表記") && problems.stream().noneMatch(p -> p.startsWith("生年月日"))) {
            problems.add("生年月日がありません");
        }
        if (!problems.isEmpty()) {
            throw new UnreadableCode(problems);
        }
        return new MoveOutCertificate(values.get("転出証明書番号"), from, values.get("氏名"), values.get("氏名フリガナ"), born,
                values.get("生年月日_表記"), sexCode.isEmpty() ? null : Sex.fromCode(sexCode),
                values.get("続柄"), values.get("世帯主氏名"), values.get("旧住所"), values.get("転出先住所"), planned,
                values.get("本籍"), values.get("筆頭者"), new MoveOutCertificate.BusinessStatuses(values.get("国保"),
                values.get("後期高齢"), values.get("介護"), values.get("国民年金"), values.get("児童手当")));
    }

    @Override
    public String write(MoveOutCertificate c) {
        MoveOutCertificateCodeLayout layout = MoveOutCertificateCodeLayout.load(layoutFolder);
        Map<String, String> values = new HashMap<>();
        values.put("転出証明書番号", c.certificateNumber());
        values.put("転出元市区町村コード", c.fromCity().value());
        values.put("氏名", c.name());
        values.put("氏名フリガナ", c.nameKana());
        values.put("生年月日", c.birthDate() == null ? null : format(c.birthDate(), layout.dateFormat()));
        values.put("生年月日_表記", c.birthNotation());
        values.put("性別", c.sex() == null ? Sex.OTHER.code() : c.sex().code());
        values.put("続柄", c.relationship());
        values.put("世帯主氏名", c.headOfHouseholdName());
        values.put("旧住所", c.previousAddress());
        values.put("転出先住所", c.destinationAddress());
        values.put("転出予定年月日", c.plannedMoveOutOn() == null ? null : format(c.plannedMoveOutOn(), layout.dateFormat()));
        values.put("本籍", c.domicile());
        values.put("筆頭者", c.domicileHead());
        values.put("国保", c.statuses().nationalHealthInsurance());
        values.put("後期高齢", c.statuses().lateStageElderly());
        values.put("介護", c.statuses().longTermCare());
        values.put("国民年金", c.statuses().nationalPension());
        values.put("児童手当", c.statuses().childAllowance());
        StringBuilder payload = new StringBuilder(layout.identifier());
        boolean first = layout.identifier().isEmpty();
        for (MoveOutCertificateCodeLayout.Item item : layout.items()) {
            if (!first) {
                payload.append(layout.separator());
            }
            first = false;
            String value = values.get(item.name());
            if (value != null) {
                payload.append(value.replace("\\", "\\\\").replace(layout.separator(), "\\" + layout.separator()));
            }
        }
        return payload.toString();
    }

    /** Splits on the separator, honouring backslash escapes. */
    static List<String> split(String text, String separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cell.append(text.charAt(++i));
            } else if (text.startsWith(separator, i)) {
                cells.add(cell.toString());
                cell.setLength(0);
                i += separator.length() - 1;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private LocalDate date(String text, String format, String item, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return switch (format) {
                case "YYYY-MM-DD" -> LocalDate.parse(text);
                case "GYYMMDD" -> wareki(text).orElseThrow(() -> new DateTimeParseException("era", text, 0));
                default -> LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
            };
        } catch (java.time.DateTimeException e) {
            problems.add(item + " が日付（" + format + "）として正しくありません");
            return null;
        }
    }

    /** 和暦 as {@code GYYMMDD}: the era's code digit (昭和 3, 平成 4, 令和 5 …), year of the era, month, day. */
    private Optional<LocalDate> wareki(String text) {
        if (text.length() != 7 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return eras.byCode(text.substring(0, 1)).map(era -> LocalDate.of(era.gregorianYear(Integer.parseInt(text.substring(1, 3))),
                Integer.parseInt(text.substring(3, 5)), Integer.parseInt(text.substring(5, 7))));
    }

    private String format(LocalDate date, String format) {
        return switch (format) {
            case "YYYY-MM-DD" -> date.toString();
            case "GYYMMDD" -> {
                Era era = eras.eraOf(date);
                yield era.code() + String.format("%02d%02d%02d", date.getYear() - era.firstDay().getYear() + 1,
                        date.getMonthValue(), date.getDayOfMonth());
            }
            default -> date.format(DateTimeFormatter.BASIC_ISO_DATE);
        };
    }
}
