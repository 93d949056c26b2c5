package jp.madoguchi.application.port.in;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.KioskHearingUseCase.ReviewRow;
import jp.madoguchi.application.port.out.ContentConfirmations.Confirmation;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 本人による内容の確認: the clerk sends the visit to the citizen-facing tablet at the counter; the tablet shows the
 * content of the forms about to be printed with the source of each value; the citizen taps 「内容を確認しました」 and
 * signs. The confirmation holds the SHA-256 of exactly the content shown; a later change of an answer voids it.
 */
public interface ConfirmOnTabletUseCase {

    /** The clerk's 「タブレットで確認してもらう」. */
    void send(LocalGovernmentCode city, ReceptionNumber number, String terminal, Operator clerk);

    /** What the tablet shows now: the visit sent to it, if any, with its content and that content's hash. */
    Optional<TabletContent> shown(LocalGovernmentCode city, Operator tablet);

    /**
     * The citizen confirmed and signed the content whose hash was {@code shownSha256}.
     *
     * @return the confirmation; or empty when the content changed since it was shown (it is to be shown again)
     */
    Optional<Confirmation> confirm(LocalGovernmentCode city, ReceptionNumber number, String shownSha256, byte[] png,
                                   Operator tablet);

    Optional<Confirmation> confirmation(LocalGovernmentCode city, ReceptionNumber number);

    /** @param sha256 the SHA-256 (hex) of the rows as shown, one line per row */
    record TabletContent(ReceptionNumber number, List<String> procedures, List<ReviewRow> rows, String sha256) {
        public TabletContent {
            procedures = List.copyOf(procedures);
            rows = List.copyOf(rows);
        }
    }
}
