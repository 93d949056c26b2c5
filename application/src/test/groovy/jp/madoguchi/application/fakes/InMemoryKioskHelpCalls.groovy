package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.KioskHelpCalls
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Instant

class InMemoryKioskHelpCalls implements KioskHelpCalls {

    final Map<String, Instant> open = [:]

    @Override
    synchronized void call(LocalGovernmentCode city, String terminalId, Instant at) {
        open.putIfAbsent(city.value() + '/' + terminalId, at)
    }

    @Override
    synchronized List<OpenCall> open(LocalGovernmentCode city) {
        open.findAll { it.key.startsWith(city.value() + '/') }
                .collect { new OpenCall(it.key.substring(city.value().length() + 1), it.value) }
                .sort { a, b -> a.calledAt() <=> b.calledAt() ?: a.terminalId() <=> b.terminalId() }
    }

    @Override
    synchronized boolean answer(LocalGovernmentCode city, String terminalId, String staffId, Instant at) {
        open.remove(city.value() + '/' + terminalId) != null
    }
}
