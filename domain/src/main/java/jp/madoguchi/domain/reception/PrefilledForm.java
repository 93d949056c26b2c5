package jp.madoguchi.domain.reception;

import java.util.List;
import java.util.Objects;

/**
 * A form filled from the registry and the visit, ready to render: its title, sections of labelled values,
 * and the reception it belongs to (for the footer and the QR code).
 *
 * @param formId         stable id of the form definition, e.g. {@code RESIDENT_CERTIFICATE_REQUEST}
 * @param receptionReference the text of the reception QR (a reference, never personal data)
 */
public record PrefilledForm(String formId, String title, ReceptionNumber reception, String receptionReference,
                            String municipalityName, List<Section> sections) {

    public PrefilledForm {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reception, "reception");
        sections = List.copyOf(sections);
    }

    /** A titled group of fields, e.g. 請求者 or 必要な人. */
    public record Section(String heading, List<Field> fields) {
        public Section {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One filled field. {@code personalName} marks names and addresses, which a renderer sets in a font with
     * the MJ characters.
     */
    public record Field(String label, String value, boolean personalName) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }

        public static Field text(String label, String value) {
            return new Field(label, value, false);
        }

        public static Field name(String label, String value) {
            return new Field(label, value, true);
        }
    }

    /** Share of fields that the system filled (a value present): the 書かない窓口 measure. */
    public double filledShare() {
        long all = sections.stream().mapToLong(s -> s.fields().size()).sum();
        long filled = sections.stream().flatMap(s -> s.fields().stream()).filter(f -> !f.value().isBlank()).count();
        return all == 0 ? 0 : (double) filled / all;
    }
}
