package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.out.ExportRecord;
import jp.madoguchi.application.port.out.HandoffLayouts;
import jp.madoguchi.application.port.out.HandoffSealing;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.handoff.CodeLists;
import jp.madoguchi.domain.handoff.ColumnFormat;
import jp.madoguchi.domain.handoff.FieldValue;
import jp.madoguchi.domain.handoff.HandoffLayout;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.shared.Operator;

/**
 * The records a finished part of a visit owes the back office: for each procedure finished, each layout that serves it, one
 * record (or one per household member), every column from the field dictionary through the same resolution the
 * forms print from. A column the visit has no value for stays empty and is named in the record's missing list.
 */
final class HandoffRecords {

    /** Why a 個人番号 column stays empty for someone who does not do 個人番号利用事務. */
    static final String NOT_PERMITTED = "（個人番号利用事務の職員の完了でないため出力しません）";

    private final HandoffLayouts layouts;
    private final FormFiller filler;
    private final EraTable eras;
    private final ResidentRegistry registry;
    private final HandoffSealing sealing;

    HandoffRecords(HandoffLayouts layouts, FormFiller filler, EraTable eras, ResidentRegistry registry,
                   HandoffSealing sealing) {
        this.layouts = layouts;
        this.filler = filler;
        this.eras = eras;
        this.registry = registry;
        this.sealing = sealing;
    }

    /** A record owed to the back office, with the layout that made it (which says where it may go). */
    record Owed(HandoffLayout layout, ExportRecord record) {
    }

    /** @param by who finishes the visit: a 個人番号 goes into a record only for a member doing 個人番号利用事務 */
    List<Owed> of(Reception reception, List<Procedure> finished, Map<String, String> answers, String municipality,
                  LocalDate today, ZoneId zone, Operator by) {
        List<Owed> records = new ArrayList<>();
        CodeLists codes = layouts.codes();
        List<HandoffLayout> inForce = layouts.all();
        for (Procedure procedure : finished) {
            FormFiller.VisitValues values = null;
            for (HandoffLayout layout : inForce) {
                if (!layout.serves(procedure.code())) {
                    continue;
                }
                if (values == null) {
                    values = filler.values(reception, answers, municipality, today, procedure, zone);
                }
                String key = reception.city().value() + "-" + reception.number().value() + "-" + procedure.code();
                if (layout.unit() == HandoffLayout.Unit.PROCEDURE) {
                    records.add(new Owed(layout, record(layout, key, values.visit(), codes, reception, by)));
                } else {
                    for (int i = 0; i < values.members().size(); i++) {
                        records.add(new Owed(layout, record(layout, key + "-" + (i + 1), values.members().get(i), codes,
                                reception, by)));
                    }
                }
            }
        }
        return records;
    }

    private ExportRecord record(HandoffLayout layout, String key, Map<String, FieldValue> values, CodeLists codes,
                                Reception reception, Operator by) {
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (HandoffLayout.Column column : layout.columns()) {
            if (column.field().equals(HandoffLayout.INDIVIDUAL_NUMBER)) {
                columns.put(column.name(), individualNumber(reception, layout, values, key, by, column, missing));
                continue;
            }
            String written = column.format().write(values.getOrDefault(column.field(), FieldValue.EMPTY), codes, eras);
            if (column.format().style() == ColumnFormat.Style.SEALED && !written.isEmpty()) {
                written = sealing.seal(written, key);
            }
            columns.put(column.name(), written);
            if (written.isEmpty() && !column.optional()) {
                missing.add(column.name() + "（" + column.field() + "）");
            }
        }
        return new ExportRecord(layout.id(), key, columns, missing);
    }

    /**
     * The person's 個人番号, sealed, from the registry (never from the forms, which do not print it), and only when the
     * member who finishes the visit does 個人番号利用事務; otherwise empty, and said so in the missing list.
     */
    private String individualNumber(Reception reception, HandoffLayout layout, Map<String, FieldValue> values, String key,
                                    Operator by, HandoffLayout.Column column, List<String> missing) {
        if (!by.individualNumbers()) {
            missing.add(column.name() + NOT_PERMITTED);
            return "";
        }
        // whose number: the member the row is about, or (one row per procedure) the visit's resident
        String addressee = values.getOrDefault("宛名番号", FieldValue.EMPTY).text();
        if (!AddresseeNumber.isValid(addressee) && layout.unit() == HandoffLayout.Unit.PROCEDURE) {
            addressee = reception.resident().map(AddresseeNumber::value).orElse("");
        }
        java.util.Optional<String> number = AddresseeNumber.isValid(addressee)
                ? registry.individualNumberOf(reception.city(), new AddresseeNumber(addressee)).map(IndividualNumber::reveal)
                : java.util.Optional.empty();
        if (number.isEmpty()) {
            missing.add(column.name() + "（" + column.field() + "）");
            return "";
        }
        return sealing.seal(number.get(), key);
    }
}
