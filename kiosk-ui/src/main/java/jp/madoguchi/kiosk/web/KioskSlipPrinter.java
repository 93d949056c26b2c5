package jp.madoguchi.kiosk.web;

import java.util.Optional;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase;
import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase.SlipPrinter;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * The kiosks' receipt printer ({@code madoguchi.kiosk.slip.printer}, a CUPS queue, and {@code .paper}: 58mm, 80mm
 * or A4). Without one the slip is shown on screen only; the demo prints to its recording デモプリンタ.
 */
@Singleton
public class KioskSlipPrinter {

    /** What the slip page says after printing: {@code printed}, {@code failed}, or nothing without a printer. */
    static final String PRINTED = "printed";
    static final String FAILED = "failed";

    private final IssueReceptionSlipUseCase slips;
    private final LocalGovernmentCode city;
    private final Optional<SlipPrinter> printer;

    public KioskSlipPrinter(IssueReceptionSlipUseCase slips, Installation installation,
                            @Property(name = "madoguchi.kiosk.slip.printer", defaultValue = "") String queue,
                            @Property(name = "madoguchi.kiosk.slip.paper", defaultValue = "80mm") String paper,
                            @Property(name = "madoguchi.demo.enabled", defaultValue = "false") boolean demo) {
        this.slips = slips;
        this.city = installation.city();
        String chosen = queue.isBlank() && demo ? "デモプリンタ" : queue.strip();
        this.printer = chosen.isEmpty() ? Optional.empty() : Optional.of(new SlipPrinter(chosen, paper.strip()));
    }

    /** Prints the slip just issued; the query the slip page is opened with says how it went. */
    String print(ReceptionNumber number, Operator kiosk) {
        return printer.map(p -> slips.print(city, number, p, kiosk).isEmpty() ? "?print=" + PRINTED : "?print=" + FAILED)
                .orElse("");
    }
}
