package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.out.ExportRecord;
import jp.madoguchi.application.port.out.HandoffLayouts;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.handoff.CodeLists;
import jp.madoguchi.domain.handoff.FieldValue;
import jp.madoguchi.domain.handoff.HandoffLayout;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;

/**
 * The records a finished visit owes the back office: for each of its procedures, each layout that serves it, one
 * record (or one per household member), every column from the field dictionary through the same resolution the
 * forms print from. A column the visit has no value for stays empty and is named in the record's missing list.
 */
final class HandoffRecords {

    private final HandoffLayouts layouts;
    private final FormFiller filler;
    private final EraTable eras;

    HandoffRecords(HandoffLayouts layouts, FormFiller filler, EraTable eras) {
        this.layouts = layouts;
        this.filler = filler;
        this.eras = eras;
    }

    List<ExportRecord> of(Reception reception, Map<String, String> answers, String municipality, LocalDate today,
                          ZoneId zone) {
        List<ExportRecord> records = new ArrayList<>();
        CodeLists codes = layouts.codes();
        for (Procedure procedure : reception.procedures()) {
            FormFiller.VisitValues values = null;
            for (HandoffLayout layout : layouts.all()) {
                if (!layout.serves(procedure.code())) {
                    continue;
                }
                if (values == null) {
                    values = filler.values(reception, answers, municipality, today, procedure, zone);
                }
                String key = reception.city().value() + "-" + reception.number().value() + "-" + procedure.code();
                if (layout.unit() == HandoffLayout.Unit.PROCEDURE) {
                    records.add(record(layout, key, values.visit(), codes));
                } else {
                    for (int i = 0; i < values.members().size(); i++) {
                        records.add(record(layout, key + "-" + (i + 1), values.members().get(i), codes));
                    }
                }
            }
        }
        return records;
    }

    private ExportRecord record(HandoffLayout layout, String key, Map<String, FieldValue> values, CodeLists codes) {
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (HandoffLayout.Column column : layout.columns()) {
            String written = column.format().write(values.getOrDefault(column.field(), FieldValue.EMPTY), codes, eras);
            columns.put(column.name(), written);
            if (written.isEmpty() && !column.optional()) {
                missing.add(column.name() + "（" + column.field() + "）");
            }
        }
        return new ExportRecord(layout.id(), key, columns, missing);
    }
}
