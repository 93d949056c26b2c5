package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.enrolment.CardStatus;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.form.FilledForm;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.handoff.FieldValue;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Fills a form from its sources through the field dictionary: the identified resident (or, for a 転入 not yet in
 * the registry, the 転出証明書), the household, the card status, the answers heard at the counter, computed values
 * and constants. Dates print in 和暦 with 元年; a 不詳日 prints as written.
 */
final class FormFiller {

    /** A person's exact date beside its printed form: {@code birthDate} prints 和暦, {@code birthDate.iso} is the date. */
    private static final String ISO = ".iso";
    /** A mover's own value of an answer their certificate gives (従前の住所): each family member left their own address. */
    private static final String OWN = "own.";
    private static final java.time.format.DateTimeFormatter TIMESTAMP = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ResidentRegistry registry;
    private final MoveIns moveIns;
    private final FieldDictionary dictionary;
    private final EraTable eras;

    FormFiller(ResidentRegistry registry, MoveIns moveIns, FieldDictionary dictionary, EraTable eras) {
        this.eras = eras;
        this.registry = registry;
        this.moveIns = moveIns;
        this.dictionary = dictionary;
    }

    /** The values a reception gives a form's fields; answers not given yet stay empty. */
    FilledForm fill(FormDefinition form, Reception reception, Map<String, String> answers, String municipality,
                    LocalDate today, byte[] signature) {
        Sources sources = sources(reception, answers);
        Map<String, String> values = new HashMap<>();
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        for (String key : form.fields()) {
            FieldDefinition field = dictionary.find(key).orElseThrow(() -> new Rejection("forms.field-not-in-dictionary",
                    "様式 " + form.id() + " の項目「" + key + "」は項目辞書にありません"));
            if (field.type() == FieldDefinition.Type.MEMBERS) {
                tables.put(key, sources.members());
            } else {
                values.put(key, value(field, sources, municipality, today, reception));
            }
        }
        return new FilledForm(form, values, tables, reception.number().value(), ReceptionReference.of(reception), signature);
    }

    /**
     * Every dictionary field's value for a finished visit, for the back-office records: once for the visit's own
     * person and once per household member (the same fields, the person's own from the registry or certificate), each
     * with the procedure the record is for. The same resolution the forms print from, so a form and a record agree.
     */
    VisitValues values(Reception reception, Map<String, String> answers, String municipality, LocalDate today,
                       Procedure procedure, java.time.ZoneId zone) {
        Sources sources = sources(reception, answers);
        Map<String, FieldValue> visit = resolve(sources, sources.person(), municipality, today, reception, procedure, zone);
        List<Map<String, FieldValue>> members = new ArrayList<>();
        for (Map<String, String> person : sources.people()) {
            members.add(resolve(sources, person, municipality, today, reception, procedure, zone));
        }
        return new VisitValues(visit, members);
    }

    /** The visit's values, and the same for each household member. */
    record VisitValues(Map<String, FieldValue> visit, List<Map<String, FieldValue>> members) {
    }

    private Map<String, FieldValue> resolve(Sources s, Map<String, String> person, String municipality, LocalDate today,
                                            Reception reception, Procedure procedure, java.time.ZoneId zone) {
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (FieldDefinition field : dictionary.all()) {
            if (field.type() == FieldDefinition.Type.MEMBERS) {
                continue;
            }
            values.put(field.key(), fieldValue(field, s, person, municipality, today, reception, procedure, zone));
        }
        return values;
    }

    private FieldValue fieldValue(FieldDefinition field, Sources s, Map<String, String> person, String municipality,
                                  LocalDate today, Reception reception, Procedure procedure, java.time.ZoneId zone) {
        String path = field.path();
        return switch (field.source()) {
            case RESIDENT -> new FieldValue(person.getOrDefault(path, ""), isoDate(person.get(path + ISO)));
            case ANSWER -> {
                String answer = s.answers().getOrDefault(path, "");
                // still the first certificate's value, not one the clerk changed: each member's record has their own
                if (person.containsKey(OWN + path) && answer.equals(s.person().get(OWN + path))) {
                    answer = person.get(OWN + path);
                }
                yield field.type() == FieldDefinition.Type.DATE ? new FieldValue(wareki(answer), isoDate(answer))
                        : FieldValue.of(answer);
            }
            case COMPUTED -> path.equals("today") ? new FieldValue(WarekiDate.of(today, eras).format(), today)
                    : FieldValue.of(value(field, s, municipality, today, reception));
            case RECEPTION -> FieldValue.of(receptionValue(path, reception, procedure, zone));
            default -> FieldValue.of(value(field, s, municipality, today, reception));
        };
    }

    /** What the visit itself says: its number, channel, times, the procedure a record is for, who finished it. */
    private String receptionValue(String path, Reception reception, Procedure procedure, java.time.ZoneId zone) {
        return switch (path) {
            case "city" -> reception.city().value();
            case "channel" -> reception.channel().label();
            case "department" -> procedure.department().name();
            case "procedureCode" -> procedure.code();
            case "procedureName" -> procedure.name();
            case "openedAt" -> TIMESTAMP.format(reception.openedAt().atZone(zone));
            // each department finishes its own procedures: the time and the member of this procedure's 完了
            case "completedAt" -> reception.finishedAt(procedure.code()).map(t -> TIMESTAMP.format(t.atZone(zone))).orElse("");
            case "completedBy" -> reception.finishedAt(procedure.code()).map(t -> finisher(reception, t)).orElse("");
            default -> path.startsWith("procedure:") ? wordFor(path.substring("procedure:".length()), procedure)
                    : path.equals("number") ? reception.number().value() : "";
        };
    }

    private static String finisher(Reception reception, java.time.Instant finishedAt) {
        String who = "";
        for (jp.madoguchi.domain.reception.TimelineEntry e : reception.timeline()) {
            if (!e.at().isAfter(finishedAt)) {
                who = e.operatorId();
            }
        }
        return who;
    }

    private static LocalDate isoDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Sample values for the designer's preview: every field shows its own name. */
    static FilledForm sample(FormDefinition form, FieldDictionary dictionary) {
        Map<String, String> values = new HashMap<>();
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        for (String key : form.fields()) {
            FieldDefinition field = dictionary.find(key).orElseThrow();
            if (field.type() == FieldDefinition.Type.MEMBERS) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : List.of("氏名", "フリガナ", "生年月日", "性別", "続柄")) {
                    row.put(column, "［" + column + "］");
                }
                tables.put(key, List.of(row, row));
            } else {
                values.put(key, field.type() == FieldDefinition.Type.DATE ? "令和元年5月1日" : "［" + key + "］");
            }
        }
        return new FilledForm(form, values, tables, "20260101-0001", "MADOGUCHI:SAMPLE", null);
    }

    private String value(FieldDefinition field, Sources s, String municipality, LocalDate today, Reception reception) {
        String path = field.path();
        switch (field.source()) {
            case RESIDENT:
                return s.person().getOrDefault(path, "");
            case HOUSEHOLD:
                return path.equals("count") ? String.valueOf(s.members().size()) : "";
            case CARD:
                return s.card(path, eras);
            case ANSWER:
                String answer = s.answers().getOrDefault(path, "");
                return field.type() == FieldDefinition.Type.DATE ? wareki(answer) : answer;
            case CONSTANT:
                return path;
            case COMPUTED:
                if (path.equals("today")) {
                    return WarekiDate.of(today, eras).format();
                }
                if (path.equals("mayor")) {
                    return municipality == null ? "" : municipality + "長";
                }
                if (path.equals("age")) {
                    return s.resident() == null ? "" : s.resident().ageOn(today).stream().mapToObj(String::valueOf)
                            .findFirst().orElse("");
                }
                return "";
            case RECEPTION:
                return path.startsWith("procedure:") ? byProcedure(path.substring("procedure:".length()), reception)
                        : path.equals("number") ? reception.number().value() : "";
            default:
                return "";
        }
    }

    /**
     * The word the dictionary gives the visit's procedure ({@code MOVE_IN_NOTIFICATION=転入,…}): the mapping is data, so
     * a form's check box follows the procedure chosen at the kiosk without being asked again.
     */
    private static String byProcedure(String mapping, Reception reception) {
        return reception.procedures().stream().map(p -> wordFor(mapping, p)).filter(w -> !w.isEmpty()).findFirst().orElse("");
    }

    /** The word the dictionary gives one procedure (a record is about one procedure of the visit). */
    private static String wordFor(String mapping, Procedure procedure) {
        for (String pair : mapping.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals(procedure.code())) {
                return kv[1].strip();
            }
        }
        return "";
    }

    /** A typed date (2026-11-22) as 和暦; anything else (a 不詳日 as told) as written. */
    String wareki(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            return WarekiDate.of(LocalDate.parse(text.strip()), eras).format();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return text.strip();
        }
    }

    private Sources sources(Reception reception, Map<String, String> answers) {
        if (reception.resident().isPresent()) {
            Resident r = registry.find(reception.city(), reception.resident().get())
                    .orElseThrow(() -> new Rejection("reception.resident-not-in-registry", "受付の住民が住民記録にありません"));
            List<Map<String, String>> members = new ArrayList<>();
            List<Map<String, String>> people = new ArrayList<>();
            for (Resident m : registry.householdMembers(r.city(), r.householdNumber())) {
                if (!m.status().isRemoved()) {
                    members.add(row(m.nameForDisplay(), m.name().nameKana(), m.birthDateForDisplay(), m.sex().label(),
                            m.relationship().label()));
                    people.add(person(m));
                }
            }
            CardStatus card = registry.enrolments(r.city(), r.addresseeNumber()).cardStatus().orElse(null);
            return new Sources(r, person(r), members, people, answers, card);
        }
        MoveIn moveIn = moveIns.find(reception.city(), reception.number())
                .orElseThrow(() -> new Rejection("forms.identity-unconfirmed", "本人確認が済んでいないため様式を作れません。先に本人確認をしてください"));
        // every family member moving in is a row of the 世帯員一覧 and a record of their own for the back office
        List<Map<String, String>> members = new ArrayList<>();
        List<Map<String, String>> people = new ArrayList<>();
        for (MoveOutCertificate mover : moveIn.movers()) {
            Map<String, String> person = person(mover);
            people.add(person);
            members.add(row(mover.name(), nz(mover.nameKana()), person.get("birthDate"), person.get("sex"), nz(mover.relationship())));
        }
        MoveOutCertificate c = moveIn.certificate();
        // what the certificate already says is not asked again
        Map<String, String> known = new HashMap<>(answers);
        known.putIfAbsent("従前の住所", nz(c.previousAddress()));
        known.putIfAbsent("新住所", nz(c.destinationAddress()));
        return new Sources(null, people.get(0), members, people, known, null);
    }

    private Map<String, String> person(MoveOutCertificate c) {
        Map<String, String> person = new HashMap<>();
        person.put("name", c.name());
        person.put("kana", nz(c.nameKana()));
        person.put("birthDate", c.birthDate() == null ? nz(c.birthNotation()) : WarekiDate.of(c.birthDate(), eras).format());
        if (c.birthDate() != null) {
            person.put("birthDate" + ISO, c.birthDate().toString());
        }
        person.put("sex", c.sex() == null ? "" : c.sex().label());
        person.put("relationship", nz(c.relationship()));
        person.put("headName", nz(c.headOfHouseholdName()));
        person.put("domicile", nz(c.domicile()));
        person.put("domicileHead", nz(c.domicileHead()));
        person.put("certificateNumber", nz(c.certificateNumber()));
        person.put("fromCity", c.fromCity().value());
        person.put("certificatePreviousAddress", nz(c.previousAddress()));
        person.put(OWN + "従前の住所", nz(c.previousAddress()));
        person.put("certificateDestination", nz(c.destinationAddress()));
        person.put("plannedMoveOutOn", c.plannedMoveOutOn() == null ? "" : WarekiDate.of(c.plannedMoveOutOn(), eras).format());
        if (c.plannedMoveOutOn() != null) {
            person.put("plannedMoveOutOn" + ISO, c.plannedMoveOutOn().toString());
        }
        return person;
    }

    private Map<String, String> person(Resident r) {
        Map<String, String> p = new HashMap<>();
        p.put("name", r.nameForDisplay());
        p.put("kana", nz(r.name().nameKana()));
        p.put("birthDate", r.birthDateForDisplay());
        r.birthDate().toLocalDate().ifPresent(d -> p.put("birthDate" + ISO, d.toString()));
        p.put("sex", r.sex().label());
        p.put("address", r.address().fullText());
        p.put("postalCode", r.address().postalCode() == null ? "" : r.address().postalCode().value());
        p.put("relationship", r.relationship().label());
        p.put("headName", nz(r.headOfHouseholdName()));
        p.put("domicile", nz(r.domicile()));
        p.put("domicileHead", nz(r.domicileHead()));
        p.put("addresseeNumber", r.addresseeNumber().value());
        if (r.foreignResidence() != null) {
            p.put("nationality", nz(r.foreignResidence().nationality()));
            p.put("residenceStatus", nz(r.foreignResidence().residenceStatus()));
            p.put("periodOfStayEnds", r.foreignResidence().periodOfStayEnds() == null ? ""
                    : r.foreignResidence().periodOfStayEnds().toString());
            if (r.foreignResidence().periodOfStayEnds() != null) {
                p.put("periodOfStayEnds" + ISO, r.foreignResidence().periodOfStayEnds().toString());
            }
            p.put("residenceCardNumber", nz(r.foreignResidence().residenceCardNumber()));
        }
        return p;
    }

    private Map<String, String> row(String name, String kana, String birth, String sex, String relationship) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("氏名", name);
        row.put("フリガナ", nz(kana));
        row.put("生年月日", birth);
        row.put("性別", sex);
        row.put("続柄", relationship);
        return row;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Everything a reception's forms are filled from. */
    private record Sources(Resident resident, Map<String, String> person, List<Map<String, String>> members,
                           List<Map<String, String>> people, Map<String, String> answers, CardStatus card) {
        String card(String path, EraTable eras) {
            if (card == null) {
                return "";
            }
            switch (path) {
                case "cardExpires":
                    return card.cardExpires() == null ? "" : WarekiDate.of(card.cardExpires(), eras).format();
                case "certificateExpires":
                    LocalDate d = card.signingCertificateExpires() != null ? card.signingCertificateExpires()
                            : card.authenticationCertificateExpires();
                    return d == null ? "" : WarekiDate.of(d, eras).format();
                case "sealRegistrationNumber":
                    return nz(card.sealRegistrationNumber());
                default:
                    return "";
            }
        }
    }
}
