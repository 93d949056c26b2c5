package jp.madoguchi.application.port.in;

import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.out.DocumentPrinter.PrintSettings;
import jp.madoguchi.application.port.out.ReceptionPaperwork.PrintRecord;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 様式 at the counter: the forms of a reception's procedures pre-filled from the registry, what is still to be asked
 * (each question once for the whole visit), the tablet signature, and printing to the browser or a printer.
 */
public interface FormsAtCounterUseCase {

    List<FormStatus> forms(LocalGovernmentCode city, ReceptionNumber number, Operator operator);

    /** Every form in force, for a clerk who needs one the procedures did not bring. */
    List<FormStatus> allForms(LocalGovernmentCode city);

    /**
     * Records answers (all or nothing). An answer that changes a value the citizen already confirmed on the tablet
     * voids that confirmation and its signature.
     */
    void answer(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, Operator operator);

    /** The questions of the visit's forms already answered (at the kiosk or the counter), with the answers, to correct. */
    List<Answered> answered(LocalGovernmentCode city, ReceptionNumber number, Operator operator);

    /** @param value the answer as stored (a date as 2026-11-22) */
    record Answered(Question question, String value) {
    }

    RenderedDocument preview(LocalGovernmentCode city, ReceptionNumber number, String formId, Operator operator);

    /**
     * Prints a form: to the browser when {@code settings} is null, otherwise to that printer. Refused, with the
     * characters named, when a value has a character no font can print.
     */
    RenderedDocument print(LocalGovernmentCode city, ReceptionNumber number, String formId, PrintSettings settings,
                           Operator operator);

    /** Stores the signature drawn on the tablet (PNG) with its time and hash; it is printed in signature boxes. */
    String sign(LocalGovernmentCode city, ReceptionNumber number, byte[] png, Operator operator);

    List<PrintRecord> prints(LocalGovernmentCode city, ReceptionNumber number);

    List<String> printers();

    /** A form for this reception: its version, what is still to ask, which characters cannot be printed. */
    record FormStatus(String id, int version, String title, String signing, List<Question> questions,
                      List<String> missingGlyphs) {
    }

    /**
     * A question the counter still has to ask.
     *
     * @param choices the values to choose from for a choice (empty: typed, in the field's format)
     */
    record Question(String key, String text, List<String> choices) {
        public Question {
            choices = List.copyOf(choices);
        }
    }
}
