package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.application.port.in.KioskHearingUseCase.ReviewRow;
import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.form.FilledForm;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * What the citizen is shown of a visit's forms, at the kiosk before the visit is taken and on the counter tablet
 * before printing: each value once, in the forms' order, with where it came from. The same filler the forms print
 * from, so what is shown is what is printed.
 */
final class VisitContent {

    private final FieldDictionary dictionary;
    private final FormVersions forms;
    private final FormFiller filler;
    private final Municipalities municipalities;
    private final Clock clock;

    VisitContent(FieldDictionary dictionary, FormVersions forms, FormFiller filler, Municipalities municipalities,
                 Clock clock) {
        this.dictionary = dictionary;
        this.forms = forms;
        this.filler = filler;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** The content as both the kiosk and the tablet fill it: the city's forms in force, the one filler. */
    static VisitContent of(FieldDictionary dictionary, FormDefinitions definitions, ResidentRegistry registry,
                           MoveIns moveIns, Municipalities municipalities, EraTable eras, Clock clock) {
        return new VisitContent(dictionary, new FormVersions(definitions, dictionary),
                new FormFiller(registry, moveIns, dictionary, eras), municipalities, clock);
    }

    List<FormDefinition> formsOf(LocalGovernmentCode city, List<String> procedures) {
        return forms.inForce(city, LocalDate.now(clock)).stream()
                .filter(f -> f.procedures().stream().anyMatch(procedures::contains)).toList();
    }

    List<ReviewRow> rows(Reception reception, Map<String, String> answers) {
        List<String> procedures = reception.procedures().stream().map(Procedure::code).toList();
        return rows(reception, answers, formsOf(reception.city(), procedures));
    }

    /** The rows from forms already read for the reception's procedures (one read per request). */
    List<ReviewRow> rows(Reception reception, Map<String, String> answers, List<FormDefinition> forms) {
        String municipality = municipalities.nameOf(reception.city());
        Set<String> shown = new LinkedHashSet<>();
        List<ReviewRow> rows = new ArrayList<>();
        // a visit with nobody from the registry is a 転入: what is not the citizen's answer came from the certificates
        boolean fromCertificates = reception.resident().isEmpty();
        for (FormDefinition form : forms) {
            FilledForm filled = filler.fill(form, reception, answers, municipality, LocalDate.now(clock), null);
            for (String key : form.fields()) {
                FieldDefinition field = dictionary.find(key).orElseThrow();
                String source = sourceLabel(field, fromCertificates, answers.containsKey(key));
                if (source == null || !shown.add(key)) {
                    continue;
                }
                String value = field.type() == FieldDefinition.Type.MEMBERS
                        ? String.join("、", filled.tables().getOrDefault(key, List.of()).stream()
                                .map(member -> member.get("氏名")).toList())
                        : filled.value(key);
                if (!value.isBlank()) {
                    rows.add(new ReviewRow(key, value, source));
                }
            }
        }
        return rows;
    }

    /** The content as one text, a row a line, for its SHA-256: the same rows give the same hash. */
    static String sha256(List<ReviewRow> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(r.label()).append('\t').append(r.value()).append('\t').append(r.source()).append('\n'));
        return Digests.sha256Hex(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Where a value the citizen sees comes from; null for what is not theirs to check (dates of today, constants).
     * On a 転入 the person's items and an answer the certificate already gave (従前の住所, 新住所) are 転出証明書.
     */
    private static String sourceLabel(FieldDefinition field, boolean fromCertificates, boolean answered) {
        String registry = fromCertificates ? "転出証明書" : "住民記録";
        return switch (field.source()) {
            case RESIDENT -> field.path().equals("addresseeNumber") ? null : registry;
            case HOUSEHOLD -> registry;
            case CARD -> "マイナンバーカード";
            case ANSWER -> answered || !fromCertificates ? "あなたの回答" : "転出証明書";
            default -> null;
        };
    }
}
