package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.GuidanceCatalogue.CounterGuide;
import jp.madoguchi.application.port.out.GuidanceCatalogue.ProcedureGuide;
import jp.madoguchi.application.port.out.GuidanceSheetRenderer.Counter;
import jp.madoguchi.application.port.out.GuidanceSheetRenderer.Entry;
import jp.madoguchi.application.port.out.GuidanceSheetRenderer.GuidanceSheet;
import jp.madoguchi.application.port.out.GuidanceSheetRenderer.Line;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.procedure.RelatedProcedureList;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Puts a reception's related-procedure list into the words of one language: procedures grouped by counter in
 * visiting order, each with whom it is for, what it is, why, what to bring, the deadline and the fee, and the
 * line that names the next counter to go to.
 */
final class GuidanceSheets {

    /** やさしい日本語: the Japanese sheet with furigana. */
    static final String EASY = "easy";


    private final GuidanceCatalogue catalogue;
    private final ProcedureCatalogue procedures;

    private final EraTable eras;

    GuidanceSheets(GuidanceCatalogue catalogue, ProcedureCatalogue procedures, EraTable eras) {
        this.eras = eras;
        this.catalogue = catalogue;
        this.procedures = procedures;
    }

    GuidanceSheet sheet(Reception reception, RelatedProcedureList list, String municipality, String requested,
                        boolean furigana) {
        // やさしい日本語 is the Japanese sheet with ふりがな over its words
        String language = EASY.equals(requested) ? "ja" : requested;
        furigana = furigana || EASY.equals(requested);
        if (!catalogue.languages().contains(language)) {
            throw new Rejection("guidance.language-unknown", "案内書の言語「" + requested + "」はありません。選べる言語: "
                    + String.join("、", catalogue.languages()) + "、" + EASY);
        }
        Map<String, List<RelatedProcedureList.Item>> byDepartment = new LinkedHashMap<>();
        Map<String, Department> departments = new LinkedHashMap<>();
        for (RelatedProcedureList.Item item : list.current()) {
            Department department = procedures.find(item.procedureCode()).map(Procedure::department)
                    .orElse(reception.department());
            departments.putIfAbsent(department.code(), department);
            byDepartment.computeIfAbsent(department.code(), k -> new ArrayList<>()).add(item);
        }
        List<CounterGuide> order = departments.values().stream()
                .map(d -> catalogue.counter(d.code(), d.name(), language))
                .sorted(Comparator.comparingInt(CounterGuide::order)).toList();
        List<Counter> counters = new ArrayList<>();
        for (CounterGuide counter : order) {
            // one entry per procedure: the members it is for are listed together
            Map<String, List<RelatedProcedureList.Item>> byProcedure = new LinkedHashMap<>();
            for (RelatedProcedureList.Item item : byDepartment.get(counter.code())) {
                byProcedure.computeIfAbsent(item.procedureCode(), k -> new ArrayList<>()).add(item);
            }
            List<Entry> entries = byProcedure.values().stream().map(items -> entry(items, language)).toList();
            counters.add(new Counter(withJapanese(counter.name(), departments.get(counter.code()).name(), language),
                    counter.place(), entries));
        }
        return new GuidanceSheet(language, furigana && language.equals("ja"),
                "guidance_" + reception.number().value() + "_" + requested + ".pdf",
                label("title", language), municipality,
                label("reception", language) + " " + reception.number().value(),
                ReceptionReference.of(reception),
                label("event", language) + " " + eventName(list, language) + "　" + label("eventDate", language) + " "
                        + date(list.eventDate(), language),
                nextCounter(reception, order, language), counters, label("footer", language),
                furigana ? catalogue.readings() : List.of());
    }

    private Entry entry(List<RelatedProcedureList.Item> items, String language) {
        String code = items.get(0).procedureCode();
        ProcedureGuide guide = catalogue.procedure(code, language)
                .or(() -> catalogue.procedure(code, "ja"))
                .orElseGet(() -> new ProcedureGuide(code, procedures.find(code).map(Procedure::name).orElse(code), "", "", "", ""));
        boolean household = items.stream().anyMatch(i -> i.memberId() == null);
        String forWhom = household ? label("household", language)
                : items.stream().map(i -> memberName(i, language)).collect(Collectors.joining(listSeparator(language)));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(label("forWhom", language), forWhom, !household));
        lines.add(new Line(label("what", language), guide.description(), false));
        lines.add(new Line(label("why", language), items.stream().flatMap(i -> i.reasons().stream()).map(r -> r.in(language))
                .distinct().collect(Collectors.joining(ideographic(language) ? "。" : ". ")), false));
        lines.add(new Line(label("bring", language), guide.bring(), false));
        lines.add(new Line(label("deadline", language), guide.deadline(), false));
        lines.add(new Line(label("fee", language), guide.fee(), false));
        String japanese = catalogue.procedure(code, "ja").map(ProcedureGuide::name)
                .orElseGet(() -> procedures.find(code).map(Procedure::name).orElse(code));
        return new Entry(withJapanese(guide.name(), japanese, language), lines.stream().filter(l -> !l.text().isBlank()).toList());
    }

    /**
     * A name in another language with the Japanese beside it (Copy of residence record／住民票の写し), so that staff
     * at the next counter read the sheet too.
     */
    private static String withJapanese(String name, String japanese, String language) {
        return language.equals("ja") || japanese == null || name.equals(japanese) ? name : name + "／" + japanese;
    }

    private static String listSeparator(String language) {
        return ideographic(language) ? "、" : ", ";
    }

    /** Japanese and Chinese punctuate with 、 and 。 and bracket with （）. */
    private static boolean ideographic(String language) {
        return language.equals("ja") || language.equals("zh");
    }

    private String memberName(RelatedProcedureList.Item item, String language) {
        return HouseholdFacts.NEWBORN.equals(item.memberId()) ? label("newborn", language) : item.memberName();
    }

    /** The first counter after the one the visitor stands at, or the first of all when that one has nothing. */
    private String nextCounter(Reception reception, List<CounterGuide> order, String language) {
        int here = -1;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).code().equals(reception.department().code())) {
                here = i;
            }
        }
        int next = here + 1;
        if (next >= order.size()) {
            return label("noNextCounter", language);
        }
        CounterGuide counter = order.get(next);
        return label("nextCounter", language) + " " + counter.name() + bracketed(counter.place(), language);
    }

    private String eventName(RelatedProcedureList list, String language) {
        String name = label("event." + list.event().name(), language);
        String kind = list.kind() == null ? "" : label("kind." + list.kind(), language);
        return kind.isBlank() ? name : name + bracketed(kind, language);
    }

    private static String bracketed(String text, String language) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return ideographic(language) ? "（" + text + "）" : " (" + text + ")";
    }

    /** 和暦 in Japanese; in another language the Western date as that language writes it. */
    private String date(LocalDate day, String language) {
        if (language.equals("ja")) {
            return WarekiDate.of(day, eras).format();
        }
        if (language.equals("en")) {
            return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        }
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
    }

    private String label(String key, String language) {
        return catalogue.label(key, language);
    }
}
