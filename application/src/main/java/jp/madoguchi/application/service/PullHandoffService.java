package jp.madoguchi.application.service;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.PullHandoffUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.HandoffClients;
import jp.madoguchi.application.port.out.HandoffClients.Client;
import jp.madoguchi.application.port.out.HandoffOutbox;
import jp.madoguchi.application.port.out.HandoffOutbox.QueuedRecord;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * The pull API's rules. A token is {@code mdh_} and 32 random bytes: only its SHA-256 is stored and looked up (the
 * bytes are random enough that no slow hash is needed), so the database never holds a usable credential. A client reads from its cursor until it
 * acknowledges, so a client that crashes before acknowledging reads the same records again: nothing is skipped.
 */
public final class PullHandoffService implements PullHandoffUseCase {

    private static final int MAX_BATCH = 1000;
    private static final String REFUSED = "認証情報が正しくないか、取り消されています。管理者に確認してください。";

    private final HandoffClients clients;
    private final HandoffOutbox outbox;
    private final AccessRecords access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PullHandoffService(HandoffClients clients, HandoffOutbox outbox, AuditTrail trail, Clock clock) {
        this.clients = clients;
        this.outbox = outbox;
        this.access = new AccessRecords(trail, clock);
        this.clock = clock;
    }

    @Override
    public IssuedClient issue(LocalGovernmentCode city, String name, Operator by) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new Rejection("handoff.client-name", "連携先の名前（例: 住民記録システム）を100文字以内で入力してください");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "mdh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = clients.add(city, label, sha256(token), by.displayName() + "（" + by.id() + "）", clock.instant());
        access.record(city, by, AuditAction.ADMINISTRATION, List.of(), "基幹連携API", "連携先「" + label + "」を登録（ID " + id + "）");
        return new IssuedClient(id, label, token);
    }

    @Override
    public void revoke(LocalGovernmentCode city, long clientId, Operator by) {
        if (!clients.revoke(city, clientId, clock.instant())) {
            throw new Rejection("handoff.client-unknown", "連携先 " + clientId + " はないか、もう取り消されています");
        }
        access.record(city, by, AuditAction.ADMINISTRATION, List.of(), "基幹連携API", "連携先 ID " + clientId + " を取り消し");
    }

    @Override
    public List<ClientSummary> clients(LocalGovernmentCode city) {
        return clients.all(city).stream()
                .map(c -> new ClientSummary(c.id(), c.name(), c.createdAt(), c.createdBy(), c.active(),
                        c.acknowledgedThrough(), c.acknowledgedAt())).toList();
    }

    @Override
    public Batch records(String token, Long after, String layout, int limit) {
        Client client = authenticate(token);
        long from = after == null ? client.acknowledgedThrough() : Math.max(0, after);
        List<QueuedRecord> records = outbox.recordsAfter(client.city(), from,
                layout == null || layout.isBlank() ? null : layout.strip(), Math.max(1, Math.min(limit, MAX_BATCH)));
        long next = records.isEmpty() ? from : records.get(records.size() - 1).id();
        access.record(client.city(), operator(client), AuditAction.EXPORT, List.of(), "基幹連携API",
                records.isEmpty() ? "取得（" + from + " より後の記録なし）"
                        : "取得: 記録 " + records.size() + " 件（ID " + records.get(0).id() + "〜" + next + "）");
        return new Batch(client.name(), records, next);
    }

    @Override
    public String client(String token) {
        return authenticate(token).name();
    }

    @Override
    public long acknowledge(String token, long through) {
        Client client = authenticate(token);
        long cursor = clients.acknowledge(client.id(), through, clock.instant());
        access.record(client.city(), operator(client), AuditAction.EXPORT, List.of(), "基幹連携API",
                "受領確認: ID " + through + " まで（カーソル " + cursor + "）");
        return cursor;
    }

    private Client authenticate(String token) {
        if (token == null || !token.matches("mdh_[A-Za-z0-9_-]{43}")) {
            throw new Refused(REFUSED);
        }
        Optional<Client> found = clients.findByToken(sha256(token));
        if (found.isEmpty() || !found.get().active()) {
            throw new Refused(REFUSED);
        }
        return found.get();
    }

    private static Operator operator(Client client) {
        return Operator.system("handoff-api-" + client.id());
    }

    static String sha256(String token) {
        return Digests.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
