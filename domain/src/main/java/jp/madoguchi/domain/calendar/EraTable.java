package jp.madoguchi.domain.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.shared.Rejection;

/**
 * The 元号 table as data (標準仕様 1.3.6: a change of era is a parameter change). The shipped table is
 * {@code eras.tsv}; a city adds a new era by adding a line, no release needed.
 */
public final class EraTable {

    private final List<Era> eras;

    public EraTable(List<Era> eras) {
        if (eras == null || eras.isEmpty()) {
            throw new Rejection("calendar.era-table", "元号の表が空です");
        }
        this.eras = eras.stream().sorted(Comparator.comparing(Era::firstDay)).toList();
        for (int i = 1; i < this.eras.size(); i++) {
            Era previous = this.eras.get(i - 1);
            Era next = this.eras.get(i);
            if (previous.lastDay() == null) {
                throw new Rejection("calendar.era-table", "元号「" + previous.name() + "」に最終日がないのに後の元号「" + next.name() + "」があります");
            }
            if (previous.lastDay().isBefore(next.firstDay().minusDays(1))) {
                throw new Rejection("calendar.era-table", "元号「" + previous.name() + "」と「" + next.name() + "」の間に空白期間があります");
            }
        }
    }

    /**
     * The table shipped with the domain (明治〜令和). When a new 元号 is proclaimed, a city hands its own table in
     * instead ({@link #load}, the composition root reads the file its settings name); nothing here reads a setting.
     */
    public static EraTable shipped() {
        return Shipped.TABLE;
    }

    /** Read once, on first use. */
    private static final class Shipped {
        static final EraTable TABLE = load(resource("eras.tsv"));
    }

    /**
     * Reads a table: one era per line, tab-separated {@code 旧コード 元号 略号 初日 [最終日 [暦変換開始日]]}; {@code #}
     * starts a comment.
     */
    public static EraTable load(Reader source) {
        List<Era> eras = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length < 4) {
                    throw new Rejection("calendar.era-table", "元号の表 " + number + "行目: 旧コード・元号・略号・初日が必要です");
                }
                try {
                    eras.add(new Era(cells[0].strip(), cells[1].strip(), cells[2].strip(), LocalDate.parse(cells[3].strip()),
                            optionalDate(cells, 4), optionalDate(cells, 5)));
                } catch (DateTimeParseException e) {
                    throw new Rejection("calendar.era-table", "元号の表 " + number + "行目: 日付は YYYY-MM-DD で書いてください", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("元号の表を読めません", e);
        }
        return new EraTable(eras);
    }

    private static LocalDate optionalDate(String[] cells, int index) {
        return cells.length > index && !cells[index].isBlank() ? LocalDate.parse(cells[index].strip()) : null;
    }

    private static Reader resource(String name) {
        InputStream in = EraTable.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("元号の表 " + name + " が見つかりません");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    public List<Era> eras() {
        return eras;
    }

    public Optional<Era> byName(String name) {
        return eras.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<Era> byCode(String code) {
        return eras.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public Optional<Era> byLetter(String letter) {
        return eras.stream().filter(e -> e.letter().equalsIgnoreCase(letter)).findFirst();
    }

    /** The era a day is written in: on an overlap day the new era, as the official calendar does. */
    public Era eraOf(LocalDate date) {
        Era found = null;
        for (Era era : eras) {
            if (era.contains(date)) {
                found = era;
            }
        }
        if (found == null) {
            throw new Rejection("calendar.era-table", date + " は元号の表にない日付です");
        }
        return found;
    }
}
