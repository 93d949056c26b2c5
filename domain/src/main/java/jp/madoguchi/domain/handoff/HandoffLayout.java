package jp.madoguchi.domain.handoff;

import java.util.List;
import java.util.Set;

/**
 * 基幹連携のレイアウト: one kind of record the core systems import (住民異動届データ, 証明書等交付申請データ, 国保の資格取得…),
 * as data. Each column names a field of the one field dictionary and how to write it, so the value a form prints is
 * the value the record carries; the procedures say which visits produce it, the unit whether one record per
 * procedure or one per household member, the targets where its records go (none named: every target).
 */
public record HandoffLayout(String id, String title, Set<String> procedures, Unit unit, List<Column> columns,
                            Set<String> targets) {

    /** The field a layout may carry only sealed, and only for a member of staff who does 個人番号利用事務. */
    public static final String INDIVIDUAL_NUMBER = "個人番号";

    /** One record per procedure of the visit, or one per member of the household the visit is about. */
    public enum Unit {
        PROCEDURE("手続ごと"), MEMBER("世帯員ごと");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public HandoffLayout {
        procedures = Set.copyOf(procedures);
        columns = List.copyOf(columns);
        targets = Set.copyOf(targets);
    }

    /** Whether this layout's records go to a target ({@code folder}, {@code s3}); a layout naming none goes to all. */
    public boolean deliversTo(String target) {
        return targets.isEmpty() || targets.contains(target);
    }

    public boolean serves(String procedureCode) {
        return procedures.contains(procedureCode);
    }

    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * A column: its name in the file, the dictionary field it carries, how the value is written, and whether the
     * column may stay empty without being named as missing (a 年度 only a 税証明 has).
     */
    public record Column(String name, String field, ColumnFormat format, boolean optional) {
    }
}
