package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.UnconfirmedCards
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Instant

class InMemoryUnconfirmedCards implements UnconfirmedCards {

    final Map<String, CardFace> held = [:]

    @Override
    void hold(LocalGovernmentCode city, ReceptionNumber reception, CardFace face, Instant readAt) {
        held[city.value() + '/' + reception.value()] = face
    }

    @Override
    Optional<CardFace> find(LocalGovernmentCode city, ReceptionNumber reception) {
        Optional.ofNullable(held[city.value() + '/' + reception.value()])
    }

    @Override
    void discard(LocalGovernmentCode city, ReceptionNumber reception) {
        held.remove(city.value() + '/' + reception.value())
    }
}
