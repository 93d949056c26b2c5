package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.Optional;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * 要確認のカード: the card face of a visitor whose card matched no registry entry exactly, held with the reception
 * until a clerk confirms who it is, then discarded. Card data never changes the registry.
 */
public interface UnconfirmedCards {

    void hold(LocalGovernmentCode city, ReceptionNumber reception, CardFace face, Instant readAt);

    Optional<CardFace> find(LocalGovernmentCode city, ReceptionNumber reception);

    void discard(LocalGovernmentCode city, ReceptionNumber reception);
}
