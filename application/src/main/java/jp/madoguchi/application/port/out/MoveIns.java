package jp.madoguchi.application.port.out;

import java.util.Optional;

import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The 転出証明書 content a 転入届 reception was opened with, kept so its forms are filled without re-keying. */
public interface MoveIns {

    void save(LocalGovernmentCode city, ReceptionNumber reception, MoveIn moveIn);

    Optional<MoveIn> find(LocalGovernmentCode city, ReceptionNumber reception);
}
