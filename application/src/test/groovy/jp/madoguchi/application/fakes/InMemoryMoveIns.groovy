package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.MoveIns
import jp.madoguchi.domain.moving.MoveIn
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode

class InMemoryMoveIns implements MoveIns {

    final Map<String, MoveIn> saved = [:]

    @Override
    void save(LocalGovernmentCode city, ReceptionNumber reception, MoveIn moveIn) {
        saved[city.value() + '/' + reception.value()] = moveIn
    }

    @Override
    Optional<MoveIn> find(LocalGovernmentCode city, ReceptionNumber reception) {
        Optional.ofNullable(saved[city.value() + '/' + reception.value()])
    }
}
