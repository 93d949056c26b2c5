package jp.madoguchi.application.service;

import java.util.Optional;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.domain.audit.AuditAction;

import java.time.Clock;
import java.util.List;

import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.application.port.out.PairedTerminal;
import jp.madoguchi.application.port.out.PairedTerminals;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

public final class ManageTerminalsService implements ManageTerminalsUseCase {

    /** 端末ID: what a label on the PC can carry; anything longer typed at the kiosk is cut to this in the history. */
    private static final int TERMINAL_ID_IN_TRAIL = 32;

    private final PairedTerminals terminals;
    private final AccessRecords access;
    private final Clock clock;

    private final Transactions transactions;

    public ManageTerminalsService(PairedTerminals terminals, AuditTrail trail, Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.terminals = terminals;
        this.access = new AccessRecords(trail, clock);
        this.clock = clock;
    }

    @Override
    public List<PairedTerminal> terminals(LocalGovernmentCode city) {
        return terminals.all(city);
    }

    @Override
    public Pairing pair(LocalGovernmentCode city, String terminalId, String label, Operator by) {
        String id = new jp.madoguchi.domain.shared.TerminalId(terminalId).value();
        return transactions.inTransaction(() -> {
            Pairing pairing = new Pairing(id, terminals.pair(city, id, label, by, clock.instant()));
            access.record(city, by, AuditAction.ADMINISTRATION, List.of(), "端末の登録", "端末 " + id + "（" + label + "）を登録（ペアリングトークンを発行）");
            return pairing;
        });
    }

    @Override
    public Optional<PairedTerminal> enrolKiosk(LocalGovernmentCode city, String terminalId, String token, String from) {
        String id = terminalId == null ? "" : terminalId.strip();
        Optional<PairedTerminal> enrolled = terminals.authenticate(city, id, token);
        // anyone can type anything here: the access history keeps at most a terminal id's length of it
        String typed = id.isEmpty() ? "（空）" : id.length() > TERMINAL_ID_IN_TRAIL ? id.substring(0, TERMINAL_ID_IN_TRAIL) + "…" : id;
        access.record(city, Operator.kiosk(typed),
                enrolled.isPresent() ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED, List.of(), "記載台の登録",
                (enrolled.isPresent() ? "記載台のブラウザを登録" : "記載台のブラウザの登録を拒否（端末IDまたはトークンが違う、または登録取消済み）")
                        + "（接続元 " + from + "）");
        return enrolled;
    }

    @Override
    public Optional<PairedTerminal> activeTerminal(LocalGovernmentCode city, String terminalId) {
        return terminals.active(city, terminalId);
    }

    @Override
    public boolean revoke(LocalGovernmentCode city, String terminalId, Operator by) {
        return transactions.inTransaction(() -> {
            boolean revoked = terminals.revoke(city, terminalId, clock.instant());
            if (revoked) {
                access.record(city, by, AuditAction.ADMINISTRATION, List.of(), "端末の登録", "端末 " + terminalId + " の登録を取消");
            }
            return revoked;
        });
    }
}
