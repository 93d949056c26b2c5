package jp.madoguchi.application.port.in;

import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.AddresseeNumber;

/**
 * 本人確認（職員）: the clerk compares the card with the registry candidates and names the resident. The card face
 * held for the check is discarded then.
 */
public interface ConfirmIdentityUseCase {

    Reception confirm(ReceptionStepCommand step, AddresseeNumber resident);
}
