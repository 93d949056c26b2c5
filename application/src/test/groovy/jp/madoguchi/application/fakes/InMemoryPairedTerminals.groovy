package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.PairedTerminal
import jp.madoguchi.application.port.out.PairedTerminals
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

import java.time.Instant

/** Terminals in memory; the token is "token-" + the terminal ID + a counter, good until the terminal is revoked. */
class InMemoryPairedTerminals implements PairedTerminals {

    private final Map<String, PairedTerminal> terminals = [:]
    private final Map<String, String> tokens = [:]
    private int issued

    @Override
    String pair(LocalGovernmentCode city, String terminalId, String label, Operator by, Instant at) {
        String token = 'token-' + terminalId + '-' + (++issued)
        terminals[city.value() + '/' + terminalId] = new PairedTerminal(terminalId, label, at, by.displayName(), null)
        tokens[city.value() + '/' + terminalId] = token
        token
    }

    @Override
    List<PairedTerminal> all(LocalGovernmentCode city) {
        terminals.findAll { it.key.startsWith(city.value() + '/') }.values().sort { it.terminalId() }
    }

    @Override
    Optional<PairedTerminal> authenticate(LocalGovernmentCode city, String terminalId, String token) {
        active(city, terminalId).filter { tokens[city.value() + '/' + terminalId] == token }
    }

    @Override
    Optional<PairedTerminal> active(LocalGovernmentCode city, String terminalId) {
        Optional.ofNullable(terminals[city.value() + '/' + terminalId]).filter { it.active() }
    }

    @Override
    boolean revoke(LocalGovernmentCode city, String terminalId, Instant at) {
        PairedTerminal t = active(city, terminalId).orElse(null)
        if (t == null) {
            return false
        }
        terminals[city.value() + '/' + terminalId] = new PairedTerminal(t.terminalId(), t.label(), t.registeredAt(), t.registeredBy(), at)
        true
    }
}
