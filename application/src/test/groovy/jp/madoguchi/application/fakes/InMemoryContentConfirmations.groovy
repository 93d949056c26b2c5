package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ContentConfirmations
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Instant

/** Tablet requests and confirmations in memory; a revocation removes the signature from the paperwork too. */
class InMemoryContentConfirmations implements ContentConfirmations {

    InMemoryReceptionPaperwork paperwork
    private final Map<String, List> requests = [:]
    private final Map<String, Confirmation> confirmations = [:]

    @Override
    synchronized void request(LocalGovernmentCode city, String terminal, ReceptionNumber number, Instant at) {
        requests[city.value() + '/' + terminal] = [number, at]
    }

    @Override
    synchronized Optional<ReceptionNumber> requested(LocalGovernmentCode city, String terminal, Instant since) {
        def request = requests[city.value() + '/' + terminal]
        request != null && !(request[1] as Instant).isBefore(since) ? Optional.of(request[0] as ReceptionNumber) : Optional.empty()
    }

    @Override
    synchronized void confirmed(LocalGovernmentCode city, ReceptionNumber number, Confirmation confirmation) {
        confirmations[city.value() + '/' + number.value()] = confirmation
        requests.values().removeIf { it[0] == number }
    }

    @Override
    synchronized Optional<Confirmation> find(LocalGovernmentCode city, ReceptionNumber number) {
        Optional.ofNullable(confirmations[city.value() + '/' + number.value()])
    }

    @Override
    synchronized boolean revoke(LocalGovernmentCode city, ReceptionNumber number) {
        if (confirmations.remove(city.value() + '/' + number.value()) == null) {
            return false
        }
        paperwork?.removeSignature(city, number)
        true
    }
}
