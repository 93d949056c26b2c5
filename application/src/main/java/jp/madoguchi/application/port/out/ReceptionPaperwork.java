package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** What a reception's forms need beyond the registry: the answers heard, the tablet signature, the prints made. */
public interface ReceptionPaperwork {

    Map<String, String> answers(LocalGovernmentCode city, ReceptionNumber number);

    void saveAnswers(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, String by, Instant at);

    Optional<Signature> signature(LocalGovernmentCode city, ReceptionNumber number);

    void saveSignature(LocalGovernmentCode city, ReceptionNumber number, Signature signature);

    void recordPrint(LocalGovernmentCode city, ReceptionNumber number, PrintRecord print);

    List<PrintRecord> prints(LocalGovernmentCode city, ReceptionNumber number);

    /** A signature image (PNG) with its SHA-256, when and by whose tablet it was taken. */
    record Signature(byte[] png, String sha256, Instant signedAt, String takenBy) {
    }

    /** One print: the form version, the printer (or the browser), who and when. */
    record PrintRecord(String formId, int formVersion, String printer, String printedBy, Instant printedAt) {
    }
}
