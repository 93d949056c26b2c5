package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase;
import jp.madoguchi.application.port.out.CallQueue;
import jp.madoguchi.application.port.out.DocumentPrinter;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ServiceCounters;
import jp.madoguchi.application.port.out.SlipRenderer;
import jp.madoguchi.application.port.out.CitizenTexts;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.VisitLanguages;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 受付票: the call number, where to go in which order, how many wait before the citizen and about how long, and
 * the QR that opens the visit at the counter; printed on the kiosk's receipt printer.
 */
public final class IssueReceptionSlipService implements IssueReceptionSlipUseCase {

    private final Receptions receptions;
    private final TwoDimensionalCodes codes;
    private final CallQueue queue;
    private final ServiceCounters counters;
    private final SlipRenderer renderer;
    private final DocumentPrinter printer;
    private final Municipalities municipalities;
    private final Duration assumedHandling;
    private final Clock clock;
    private final VisitLanguages languages;
    private final SlipTranslation translation;

    /**
     * @param assumedHandling the time a visit takes at a counter, for the estimate before the first visit of the
     *                        day is finished (the city sets it from experience)
     */
    public IssueReceptionSlipService(Receptions receptions, TwoDimensionalCodes codes, CallQueue queue,
                                     ServiceCounters counters, SlipRenderer renderer, DocumentPrinter printer,
                                     Municipalities municipalities, Duration assumedHandling, Clock clock,
                                     VisitLanguages languages, CitizenTexts texts, GuidanceCatalogue guidance) {
        this.languages = languages;
        this.translation = new SlipTranslation(texts, guidance);
        this.receptions = receptions;
        this.codes = codes;
        this.queue = queue;
        this.counters = counters;
        this.renderer = renderer;
        this.printer = printer;
        this.municipalities = municipalities;
        this.assumedHandling = assumedHandling;
        this.clock = clock;
    }

    @Override
    public Optional<ReceptionSlip> slip(LocalGovernmentCode city, ReceptionNumber number) {
        return receptions.find(city, number).map(this::slip);
    }

    @Override
    public Optional<String> print(LocalGovernmentCode city, ReceptionNumber number, SlipPrinter slipPrinter,
                                  Operator kiosk) {
        Reception reception = receptions.find(city, number).orElse(null);
        if (reception == null) {
            return Optional.of("受付が見つかりません。職員にお声がけください。");
        }
        try {
            // printed in the visit's language: the citizen reads it, the staff read the Japanese beside the names
            Language language = languages.of(city, number).orElse(Language.JAPANESE);
            printer.print(renderer.render(translation.translate(slip(reception), reception, language),
                            municipalities.nameOf(city), slipPrinter.paper(), translation.words(language)),
                    new DocumentPrinter.PrintSettings(slipPrinter.queue(), null, slipPrinter.paper()));
        } catch (IllegalArgumentException e) {
            // the printer's own words go to the log through the adapter; the citizen is told what to do
            return Optional.of("受付票を印刷できませんでした。この画面の番号をお控えになるか、職員にお声がけください。");
        }
        reception.record(kiosk, clock.instant(), "受付票を印刷（" + slipPrinter.queue() + "）");
        receptions.appendTimeline(reception);
        return Optional.empty();
    }

    private ReceptionSlip slip(Reception r) {
        String reference = ReceptionReference.of(r);
        String department = r.department().code();
        LocalDate day = r.number().day();
        int ahead = queue.ahead(r.city(), day, department, r.number());
        long open = Math.max(1, counters.all(r.city()).stream()
                .filter(c -> c.department().code().equals(department)).count());
        Duration pace = queue.typicalHandling(r.city(), day, department).orElse(assumedHandling);
        // those ahead are served by the department's counters side by side
        int minutes = (int) Math.ceil(pace.toSeconds() * (double) ahead / open / 60.0);
        // where the visit waits now first, then the other departments its procedures need, in their order
        List<String> order = Stream.concat(Stream.of(r.department().name()),
                r.openProcedures().stream().map(p -> p.department().name())).distinct().toList();
        return new ReceptionSlip(r.number(), r.number().callNumber(), r.openedAt(),
                r.procedures().stream().map(Procedure::name).toList(), r.department().name(),
                order, ahead, minutes, reference,
                codes.qrPng(reference, 240), r.resident().isPresent());
    }
}
