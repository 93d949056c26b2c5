package jp.madoguchi.application.port.in;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 特例転入: a card holder moves in without a paper 転出証明書. The 転出証明書情報 the former city sent is looked up
 * for the holder of the card and a 転入届 reception is started from it; when there is none, the visitor is told so
 * and offered the paper path.
 */
public interface StartSpecialMoveInUseCase {

    SpecialMoveIn start(StartCommand command);

    /** @param individualNumber the card's 個人番号 when it was read (the procedure needs it), else {@code null} */
    record StartCommand(LocalGovernmentCode city, Channel channel, CardFace card, IndividualNumber individualNumber,
                        Operator operator) {
    }

    sealed interface SpecialMoveIn {

        /** A 転入届 reception was opened; {@code certificate} is what its forms are filled from. */
        record Started(Reception reception, MoveOutCertificate certificate) implements SpecialMoveIn {
        }

        /** No 転出証明書情報 for this person: {@code message} says so and offers the paper certificate. */
        record NotFound(String message) implements SpecialMoveIn {
        }
    }
}
