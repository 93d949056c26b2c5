package jp.madoguchi.application.service;

import java.time.Clock;
import java.util.List;

import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.application.port.out.PairedTerminal;
import jp.madoguchi.application.port.out.PairedTerminals;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

public final class ManageTerminalsService implements ManageTerminalsUseCase {

    private final PairedTerminals terminals;
    private final Clock clock;

    public ManageTerminalsService(PairedTerminals terminals, Clock clock) {
        this.terminals = terminals;
        this.clock = clock;
    }

    @Override
    public List<PairedTerminal> terminals(LocalGovernmentCode city) {
        return terminals.all(city);
    }

    @Override
    public Pairing pair(LocalGovernmentCode city, String terminalId, String label, Operator by) {
        String id = terminalId == null ? "" : terminalId.strip();
        return new Pairing(id, terminals.pair(city, id, label, by, clock.instant()));
    }

    @Override
    public boolean revoke(LocalGovernmentCode city, String terminalId, Operator by) {
        return terminals.revoke(city, terminalId, clock.instant());
    }
}
