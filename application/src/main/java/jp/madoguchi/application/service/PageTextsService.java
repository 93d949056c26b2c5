package jp.madoguchi.application.service;

import java.util.Optional;

import jp.madoguchi.application.port.in.PageTextsUseCase;
import jp.madoguchi.application.port.out.CitizenTexts;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.StaffTexts;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.language.Readings;

/**
 * The pages' words from the message files, and the data's from the guidance catalogue: {@code procedure.<コード>} is
 * the sheet's name for the procedure unless a message file names it, so the screen and the sheet agree.
 */
public final class PageTextsService implements PageTextsUseCase {

    private static final String PROCEDURE = "procedure.";

    private final CitizenTexts texts;
    private final StaffTexts staff;
    private final GuidanceCatalogue guidance;
    private final Readings readings;

    public PageTextsService(CitizenTexts texts, StaffTexts staff, GuidanceCatalogue guidance) {
        this.texts = texts;
        this.staff = staff;
        this.guidance = guidance;
        this.readings = readingsOf(guidance);
    }

    /** The guidance sheet's readings, as the pages and the report use them. */
    static Readings readingsOf(GuidanceCatalogue guidance) {
        return new Readings(guidance.readings().stream().map(r -> new Readings.Reading(r.word(), r.reading())).toList());
    }

    @Override
    public Optional<String> citizenText(Language language, String key) {
        Optional<String> text = texts.text(language, key);
        if (text.isPresent() || !key.startsWith(PROCEDURE)) {
            return text;
        }
        String sheetLanguage = language.japanese() ? "ja" : language.code();
        return guidance.procedure(key.substring(PROCEDURE.length()), sheetLanguage)
                .map(GuidanceCatalogue.ProcedureGuide::name);
    }

    @Override
    public Optional<String> staffText(String key) {
        return staff.staffText(key);
    }

    @Override
    public String counterName(String departmentCode, String japaneseName, Language language) {
        return language.japanese() ? japaneseName : guidance.counter(departmentCode, japaneseName, language.code()).name();
    }

    @Override
    public Readings readings() {
        return readings;
    }
}
