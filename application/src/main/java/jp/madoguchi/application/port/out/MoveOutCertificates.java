package jp.madoguchi.application.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 転出証明書情報 received for 特例転入 (linkage 001o009), as held in the replica. */
public interface MoveOutCertificates {

    /**
     * The certificate sent for this person: by 個人番号 (through its keyed hash) when the card's number was read,
     * else by 氏名 and 生年月日. The newest when there are several.
     */
    Optional<MoveOutCertificate> forPerson(LocalGovernmentCode city, IndividualNumber number, String nameKey, LocalDate birthDate);

    /**
     * The 転出証明書情報 of the others who left the same household with {@code mover}: the same former city, former
     * address, head of household and planned day, oldest first. Under 特例転入 one card brings the family along.
     */
    List<MoveOutCertificate> movingWith(LocalGovernmentCode city, MoveOutCertificate mover);
}
