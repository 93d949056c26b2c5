package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionState;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** 受付一覧と受付の詳細 for the counter staff. */
public interface FindReceptionsUseCase {

    /** Today's visits, newest first. */
    List<ReceptionSummary> today(LocalGovernmentCode city);

    /** The visit with its resident's record: a view of that resident, recorded in the access history. */
    Optional<ReceptionDetails> details(LocalGovernmentCode city, ReceptionNumber number, Operator by);

    /** The department (担当課) serving the reception now, without touching its resident's data. */
    Optional<jp.madoguchi.domain.procedure.Department> departmentOf(LocalGovernmentCode city, ReceptionNumber number);

    record ReceptionSummary(ReceptionNumber number, Instant openedAt, Channel channel, List<String> procedures,
                            ReceptionState state, String department, String departmentCode, String residentName) {
    }

    /**
     * @param moveIn         for a 転入届, the 転出証明書 content it was opened with
     * @param unconfirmedCard the card face waiting for the clerk's 本人確認, with {@code candidates} from the registry
     */
    record ReceptionDetails(Reception reception, Optional<Resident> resident, Optional<MoveIn> moveIn,
                            Optional<CardFace> unconfirmedCard, List<IdentifyResidentByCardUseCase.ResidentCandidate> candidates) {
        public ReceptionDetails {
            candidates = List.copyOf(candidates);
        }
    }
}
