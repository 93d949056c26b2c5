package jp.madoguchi.adapters.linkage.layout;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of one linkage ID: how the city's vendor writes that file. Layouts are data (docs/architecture.md, forward linkage): a city
 * renames a column, ignores one, or switches the encoding by editing the layout file, never Java. The file is
 * plain text, for example:
 *
 * <pre>
 * 連携ID: 001o005
 * 名称: 住民基本情報
 * 文字コード: UTF-8
 * 日付形式: YYYYMMDD
 * # 列名 | 型 | 必須 | データ項目 | 書式
 * 宛名番号 | N | 必須 | 宛名番号
 * 住民種別 | C | 必須 | 住民種別 | 1,2
 * 備考欄 | T | 任意 | -
 * </pre>
 *
 * A data item of {@code -} marks a column that is read and ignored without a warning.
 */
public record LinkageLayout(String linkageId, String title, Charset charset, DateFormat dateFormat,
                            List<LayoutColumn> columns) {

    public LinkageLayout {
        columns = List.copyOf(columns);
    }

    /** The column that feeds a data item, if the layout has one. */
    public Optional<LayoutColumn> columnFor(String item) {
        return columns.stream().filter(c -> item.equals(c.item())).findFirst();
    }

    public Optional<LayoutColumn> columnNamed(String header) {
        return columns.stream().filter(c -> c.header().equals(header)).findFirst();
    }

    /**
     * Reads a layout file.
     *
     * @param source where the text came from, for messages
     * @throws LayoutException naming the line of the first mistake
     */
    public static LinkageLayout parse(String text, String source) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<LayoutColumn> columns = new ArrayList<>();
        Set<String> headers = new HashSet<>();
        Set<String> items = new HashSet<>();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.contains("|")) {
                int colon = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('：');
                if (colon < 0) {
                    throw new LayoutException(source, number, "「設定名: 値」か「列名 | 型 | 必須 | データ項目 | 書式」の形で書いてください");
                }
                settings.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                continue;
            }
            LayoutColumn column = column(line.split("\\|", -1), source, number,
                    DateFormat.byPattern(settings.getOrDefault("日付形式", "YYYYMMDD"))
                            .orElseThrow(() -> new LayoutException(source, number, "日付形式は YYYYMMDD、YYYY-MM-DD、GYYMMDD のいずれかです")));
            if (!headers.add(column.header())) {
                throw new LayoutException(source, number, "列名「" + column.header() + "」が2回定義されています");
            }
            if (column.item() != null && !items.add(column.item())) {
                throw new LayoutException(source, number, "データ項目「" + column.item() + "」に2つの列が割り当てられています");
            }
            columns.add(column);
        }
        String id = settings.get("連携ID");
        if (id == null || !id.matches("\\d{3}o\\d{3}")) {
            throw new LayoutException(source, 0, "「連携ID: 001o005」の行がないか、形式が正しくありません");
        }
        if (columns.isEmpty()) {
            throw new LayoutException(source, 0, "列の定義がありません");
        }
        Charset charset;
        try {
            String name = settings.getOrDefault("文字コード", "UTF-8");
            charset = Charset.forName(name.equalsIgnoreCase("MS932") || name.equalsIgnoreCase("Shift_JIS") ? "windows-31j" : name);
        } catch (RuntimeException e) {
            throw new LayoutException(source, 0, "文字コード「" + settings.get("文字コード") + "」は使えません（UTF-8 か MS932）");
        }
        DateFormat dates = DateFormat.byPattern(settings.getOrDefault("日付形式", "YYYYMMDD")).orElseThrow();
        return new LinkageLayout(id, settings.getOrDefault("名称", id), charset, dates, columns);
    }

    private static LayoutColumn column(String[] cells, String source, int number, DateFormat defaultDates) {
        if (cells.length < 4 || cells.length > 5) {
            throw new LayoutException(source, number, "列の定義は「列名 | 型 | 必須 | データ項目 | 書式」の4つか5つの欄です");
        }
        String header = cells[0].strip();
        String typeText = cells[1].strip().toUpperCase();
        String requiredText = cells[2].strip();
        String item = cells[3].strip();
        String format = cells.length == 5 ? cells[4].strip() : "";
        if (header.isEmpty()) {
            throw new LayoutException(source, number, "列名が空です");
        }
        boolean required = switch (requiredText) {
            case "必須" -> true;
            case "任意", "" -> false;
            default -> throw new LayoutException(source, number, "必須の欄は「必須」か「任意」です: " + requiredText);
        };
        int length = 0;
        ItemType type;
        if (typeText.matches("N\\d+")) {
            type = ItemType.DIGITS;
            length = Integer.parseInt(typeText.substring(1));
        } else {
            type = switch (typeText) {
                case "N" -> ItemType.DIGITS;
                case "T" -> ItemType.TEXT;
                case "C" -> ItemType.CODE;
                case "D" -> ItemType.DATE;
                case "YM" -> ItemType.YEAR_MONTH;
                case "TS" -> ItemType.TIMESTAMP;
                default -> throw new LayoutException(source, number, "型「" + typeText + "」は N、N桁数、T、C、D、YM、TS のいずれかです");
            };
        }
        Set<String> codes = Set.of();
        DateFormat dates = defaultDates;
        if (type == ItemType.CODE && !format.isEmpty()) {
            codes = Set.of(format.split("\\s*,\\s*"));
        } else if (type == ItemType.DATE && !format.isEmpty()) {
            dates = DateFormat.byPattern(format).orElseThrow(
                    () -> new LayoutException(source, number, "日付の書式は YYYYMMDD、YYYY-MM-DD、GYYMMDD のいずれかです: " + format));
        }
        return new LayoutColumn(header, type, required, item.equals("-") || item.isEmpty() ? null : item, length, codes,
                dates);
    }
}
