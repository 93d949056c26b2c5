package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.IdentityDocument;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/** 受付を開始する: at the kiosk, the counter or from a pre-entry code. */
public interface StartReceptionUseCase {

    Reception start(StartReceptionCommand command);

    /**
     * @param resident       the identified resident, or null when not yet identified
     * @param cardToConfirm  the card face of a visitor whose card matched no registry entry exactly, for the clerk
     *                       to confirm; null otherwise
     * @param identifiedWith the IC card the visitor identified with at the kiosk, for the timeline; null when none
     */
    record StartReceptionCommand(LocalGovernmentCode city, Channel channel, AddresseeNumber resident,
                                 List<String> procedureCodes, Operator operator, CardFace cardToConfirm,
                                 IdentityDocument identifiedWith) {

        public StartReceptionCommand(LocalGovernmentCode city, Channel channel, AddresseeNumber resident,
                                     List<String> procedureCodes, Operator operator) {
            this(city, channel, resident, procedureCodes, operator, null, null);
        }

        public StartReceptionCommand(LocalGovernmentCode city, Channel channel, AddresseeNumber resident,
                                     List<String> procedureCodes, Operator operator, CardFace cardToConfirm) {
            this(city, channel, resident, procedureCodes, operator, cardToConfirm, null);
        }

        public StartReceptionCommand {
            if (city == null || channel == null || operator == null) {
                throw new Rejection("reception.start-incomplete", "市区町村・受付経路・操作者が必要です");
            }
            if (procedureCodes == null || procedureCodes.isEmpty()) {
                throw new Rejection("reception.procedures-missing", "手続を選んでください");
            }
            procedureCodes = List.copyOf(procedureCodes);
            if (resident != null && cardToConfirm != null) {
                throw new Rejection("reception.card-on-identified", "本人確認済みの受付に確認待ちのカードは付けられません");
            }
        }
    }
}
