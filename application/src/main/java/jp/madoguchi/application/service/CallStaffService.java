package jp.madoguchi.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.application.port.in.CallStaffUseCase;
import jp.madoguchi.application.port.out.KioskHelpCalls;
import jp.madoguchi.application.port.out.PairedTerminal;
import jp.madoguchi.application.port.out.PairedTerminals;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** Keeps the kiosks' calls for staff and names each kiosk by the place it was registered with. */
public final class CallStaffService implements CallStaffUseCase {

    private final KioskHelpCalls calls;
    private final PairedTerminals terminals;
    private final Clock clock;

    public CallStaffService(KioskHelpCalls calls, PairedTerminals terminals, Clock clock) {
        this.calls = calls;
        this.terminals = terminals;
        this.clock = clock;
    }

    @Override
    public void call(LocalGovernmentCode city, Operator kiosk) {
        calls.call(city, kiosk.id(), clock.instant());
    }

    @Override
    public List<HelpCall> waiting(LocalGovernmentCode city) {
        List<KioskHelpCalls.OpenCall> open = calls.open(city);
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, String> places = terminals.all(city).stream()
                .collect(Collectors.toMap(PairedTerminal::terminalId, PairedTerminal::label, (a, b) -> a));
        return open.stream()
                .map(c -> new HelpCall(c.terminalId(), places.getOrDefault(c.terminalId(), c.terminalId()), c.calledAt()))
                .toList();
    }

    @Override
    public boolean answer(LocalGovernmentCode city, String terminalId, Operator staff) {
        return calls.answer(city, terminalId, staff.id(), clock.instant());
    }
}
