package jp.madoguchi.application.port.out;

import java.util.Optional;

import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The 転出証明書 content a 転入届 reception was opened with, kept so its forms are filled without re-keying. */
public interface MoveIns {

    /** The 転入 as opened, with any family members already known (特例転入 finds them together). */
    void save(LocalGovernmentCode city, ReceptionNumber reception, MoveIn moveIn);

    /** One more family member moving in on the same visit, after those already kept. */
    void addCompanion(LocalGovernmentCode city, ReceptionNumber reception, MoveOutCertificate companion);

    Optional<MoveIn> find(LocalGovernmentCode city, ReceptionNumber reception);
}
