package jp.madoguchi.application.service;

import java.util.List;

import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase.ReceptionSlip;
import jp.madoguchi.application.port.out.CitizenTexts;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.SlipRenderer.SlipWords;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;

/**
 * The printed slip in the visit's language: its fixed words from the citizen's message files ({@code print.*}),
 * procedure and counter names from the guidance sheet's, each with the Japanese beside it for the staff.
 */
final class SlipTranslation {

    private final CitizenTexts texts;
    private final GuidanceCatalogue guidance;

    SlipTranslation(CitizenTexts texts, GuidanceCatalogue guidance) {
        this.texts = texts;
        this.guidance = guidance;
    }

    SlipWords words(Language language) {
        if (language == Language.JAPANESE) {
            return SlipWords.JAPANESE;
        }
        return new SlipWords(language.code(), text(language, "print.title"), text(language, "print.call-number"),
                text(language, "print.reception-number"), text(language, "print.opened"),
                text(language, "print.procedures"), text(language, "print.waiting"), text(language, "print.no-wait"),
                text(language, "print.show"), text(language, "print.bring-id"), text(language, "print.time"));
    }

    /** The slip with its names in the language (Japanese and やさしい日本語 keep the master's names). */
    ReceptionSlip translate(ReceptionSlip slip, Reception reception, Language language) {
        if (language.japanese()) {
            return slip;
        }
        List<String> procedures = reception.procedures().stream().map(p -> procedure(p, language)).toList();
        List<String> counters = slip.counters().stream().map(name -> counter(reception, name, language)).toList();
        return new ReceptionSlip(slip.number(), slip.callNumber(), slip.openedAt(), procedures,
                counter(reception, slip.department(), language), counters, slip.waitingAhead(), slip.estimatedWait(),
                slip.qrText(), slip.qrPng(), slip.identified());
    }

    private String procedure(Procedure procedure, Language language) {
        return guidance.procedure(procedure.code(), language.code())
                .map(g -> g.name() + "／" + procedure.name()).orElse(procedure.name());
    }

    /** A department by its Japanese name, among those the visit goes to. */
    private String counter(Reception reception, String japaneseName, Language language) {
        return reception.procedures().stream().map(Procedure::department)
                .filter(d -> d.name().equals(japaneseName)).findFirst()
                .or(() -> java.util.Optional.of(reception.department()).filter(d -> d.name().equals(japaneseName)))
                .map(d -> guidance.counter(d.code(), d.name(), language.code()).name() + "／" + japaneseName)
                .orElse(japaneseName);
    }

    private String text(Language language, String key) {
        return texts.text(language, key).or(() -> texts.text(Language.JAPANESE, key)).orElse(key);
    }
}
