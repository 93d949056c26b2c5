package jp.madoguchi.application.port.in;

import java.util.Optional;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 転入届の受付を始める, pre-filled from the 転出証明書 — either the paper certificate's 2D code (a camera or flatbed
 * image, or a handheld scanner's keystrokes), or under 特例転入 the 転出証明書情報 the former city sent for the card
 * holder. When neither can be had, the visitor is told why and what to do instead.
 */
public interface StartMoveInUseCase {

    /** 特例転入: looks up the 転出証明書情報 for the card holder. */
    MoveInStart special(SpecialCommand command);

    /** 紙の転出証明書: reads its 2D code. */
    MoveInStart fromCertificateCode(CertificateCodeCommand command);

    /**
     * 家族の転出証明書: one more family member moving in on the same visit, from their certificate's 2D code. The
     * same person twice, or a visit that is not a 転入, is refused with the reason.
     */
    MoveInStart addFromCertificateCode(ReceptionNumber reception, CertificateCodeCommand command);

    /** Who is moving in on a 転入 visit, as read; empty for any other visit. */
    Optional<MoveIn> moveIn(LocalGovernmentCode city, ReceptionNumber reception);

    /** @param individualNumber the card's 個人番号 when it was read (the procedure needs it), else {@code null} */
    record SpecialCommand(LocalGovernmentCode city, Channel channel, CardFace card, IndividualNumber individualNumber,
                          Operator operator) {
    }

    /**
     * Exactly one of {@code image} (camera or flatbed, PNG/JPEG/BMP) and {@code scannedText} (keyboard wedge) is given.
     */
    record CertificateCodeCommand(LocalGovernmentCode city, Channel channel, byte[] image, String scannedText,
                                  Operator operator) {
        public CertificateCodeCommand {
            boolean hasImage = image != null && image.length > 0;
            boolean hasText = scannedText != null && !scannedText.isBlank();
            if (hasImage == hasText) {
                throw new Rejection("move-in.image-or-text", "転出証明書の画像か、読み取り機で読んだ内容のどちらか一方を指定してください");
            }
        }
    }

    sealed interface MoveInStart {

        /** A 転入届 reception was opened (or a family member added to it); {@code moveIn} is what its forms are filled from. */
        record Started(Reception reception, MoveIn moveIn) implements MoveInStart {
        }

        /** Nothing was opened; {@code message} says why and what to do, for the person at the screen. */
        record NotStarted(String message) implements MoveInStart {
        }
    }
}
