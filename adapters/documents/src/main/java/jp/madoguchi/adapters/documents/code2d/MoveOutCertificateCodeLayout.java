package jp.madoguchi.adapters.documents.code2d;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a 転出証明書's 2D code lays out its items: an identifier that starts the payload, a separator, a date format
 * and the items in order, each required or not. Items this reader does not know are a vendor's extras and are
 * skipped. Written as a text file like the linkage layouts, so a city matches its vendor by editing it.
 */
record MoveOutCertificateCodeLayout(String name, String identifier, String separator, String dateFormat,
                                    List<Item> items) {

    /** The items a {@code MoveOutCertificate} is built from. */
    static final Set<String> KNOWN = Set.of("転出証明書番号", "転出元市区町村コード", "氏名", "氏名フリガナ", "生年月日",
            "生年月日_表記", "性別", "続柄", "世帯主氏名", "旧住所", "転出先住所", "転出予定年月日", "本籍", "筆頭者", "国保",
            "後期高齢", "介護", "国民年金", "児童手当");
    static final Set<String> SETTINGS = Set.of("名称", "識別子", "区切り文字", "日付形式");
    static final Set<String> DATE_FORMATS = Set.of("YYYYMMDD", "YYYY-MM-DD", "GYYMMDD");

    record Item(String name, boolean required) {
    }

    /** The city's copy in {@code folder} when there is one (read each time, so an edit needs no restart), else the shipped default. */
    static MoveOutCertificateCodeLayout load(Path folder) {
        Path own = folder == null ? null : folder.resolve("move-out-certificate.layout");
        if (own == null || !Files.isRegularFile(own)) {
            return Shipped.DEFAULT;
        }
        try {
            return parse(Files.readString(own, StandardCharsets.UTF_8), own.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default that ships in the jar: it cannot change while running, so it is parsed once. */
    private static final class Shipped {
        static final MoveOutCertificateCodeLayout DEFAULT = read();

        private static MoveOutCertificateCodeLayout read() {
            try (InputStream shipped = MoveOutCertificateCodeLayout.class.getResourceAsStream("/code2d/move-out-certificate.layout")) {
                return parse(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), "move-out-certificate.layout");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static MoveOutCertificateCodeLayout parse(String text, String source) {
        Map<String, String> settings = new HashMap<>();
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            // a setting line names a known setting before its colon (the separator itself may be '|')
            if (colon > 0 && SETTINGS.contains(line.substring(0, colon).strip())) {
                settings.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                continue;
            }
            String[] cells = line.split("\\|");
            String item = cells[0].strip();
            String flag = cells.length > 1 ? cells[1].strip() : "任意";
            if (!flag.equals("必須") && !flag.equals("任意")) {
                problems.add((i + 1) + " 行目: 必須か任意かを「必須」「任意」で書いてください");
            }
            items.add(new Item(item, flag.equals("必須")));
        }
        String separator = settings.getOrDefault("区切り文字", "|");
        String dateFormat = settings.getOrDefault("日付形式", "YYYYMMDD");
        if (separator.isEmpty()) {
            problems.add("区切り文字がありません");
        }
        if (!DATE_FORMATS.contains(dateFormat)) {
            problems.add("日付形式は " + String.join("・", DATE_FORMATS) + " のどれかです: " + dateFormat);
        }
        for (String needed : List.of("氏名", "転出元市区町村コード")) {
            if (items.stream().noneMatch(it -> it.name().equals(needed))) {
                problems.add("項目「" + needed + "」がありません");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " の記述に誤りがあります: " + String.join("／", problems));
        }
        return new MoveOutCertificateCodeLayout(settings.getOrDefault("名称", source), settings.getOrDefault("識別子", ""),
                separator, dateFormat, List.copyOf(items));
    }
}
