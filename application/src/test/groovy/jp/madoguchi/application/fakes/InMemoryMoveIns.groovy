package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.MoveIns
import jp.madoguchi.domain.moving.MoveIn
import jp.madoguchi.domain.moving.MoveOutCertificate
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode

class InMemoryMoveIns implements MoveIns {

    final Map<String, MoveIn> saved = [:]

    @Override
    void save(LocalGovernmentCode city, ReceptionNumber reception, MoveIn moveIn) {
        saved[city.value() + '/' + reception.value()] = moveIn
    }

    @Override
    void addCompanion(LocalGovernmentCode city, ReceptionNumber reception, MoveOutCertificate companion) {
        String key = city.value() + '/' + reception.value()
        MoveIn kept = saved[key]
        if (kept == null) {
            throw new IllegalStateException('no 転入 for ' + key)
        }
        saved[key] = new MoveIn(kept.basis(), kept.certificate(), kept.companions() + [companion])
    }

    @Override
    Optional<MoveIn> find(LocalGovernmentCode city, ReceptionNumber reception) {
        Optional.ofNullable(saved[city.value() + '/' + reception.value()])
    }
}
