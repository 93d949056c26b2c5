package jp.madoguchi.application.port.in;

import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.AddresseeNumber;

/**
 * 本人確認（職員）: the clerk compares the card with the registry candidates and names the resident. The card face
 * held for the check is discarded then.
 */
public interface ConfirmIdentityUseCase {

    /**
     * @param anyResident whether the member may name any resident (holds 住民検索): without it only one of the card's
     *                    ranked candidates can be named, so a reception cannot become a way to open anyone's record
     */
    Reception confirm(ReceptionStepCommand step, AddresseeNumber resident, boolean anyResident);
}
