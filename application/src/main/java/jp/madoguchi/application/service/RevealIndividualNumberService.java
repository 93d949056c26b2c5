package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.AuditTrailQuery;
import jp.madoguchi.application.port.out.OneTimePasswords;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.application.port.out.StaffAccounts.StaffAccount;
import jp.madoguchi.application.port.out.StaffSessions;
import jp.madoguchi.application.port.out.StaffSessions.StaffSession;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionState;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

public final class RevealIndividualNumberService implements RevealIndividualNumberUseCase {

    /**
     * What the city sets: the purposes a reveal may name, how old the last second factor may be, how many reveals a
     * member may make in an hour, and from how many in a day the auditor's page names the member.
     */
    public record RevealPolicy(List<String> purposes, Duration secondFactorAge, int perHour, int alertPerDay) {
        public RevealPolicy {
            purposes = purposes.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
            if (purposes.isEmpty()) {
                throw new Rejection("reveal.purposes-missing", "個人番号を表示する目的の一覧が空です（madoguchi.individual-number.purposes）");
            }
            if (perHour < 1 || alertPerDay < 1 || secondFactorAge.isNegative()) {
                throw new Rejection("reveal.policy-invalid", "個人番号の表示の上限・警告の件数・二要素認証の有効時間は正の値にしてください");
            }
        }
    }

    private final ResidentRegistry registry;
    private final Receptions receptions;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final OneTimePasswords oneTimePasswords;
    private final AuditTrailQuery history;
    private final AccessRecords access;
    private final RevealPolicy policy;
    private final Clock clock;

    public RevealIndividualNumberService(ResidentRegistry registry, Receptions receptions, StaffAccounts accounts,
                                         StaffSessions sessions, OneTimePasswords oneTimePasswords, AuditTrail trail,
                                         AuditTrailQuery history, RevealPolicy policy, Clock clock) {
        this.registry = registry;
        this.receptions = receptions;
        this.accounts = accounts;
        this.sessions = sessions;
        this.oneTimePasswords = oneTimePasswords;
        this.history = history;
        this.access = new AccessRecords(trail, clock);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public RevealOutcome reveal(RevealRequest request) {
        Instant now = clock.instant();
        if (!policy.purposes().contains(request.purpose())) {
            throw new Rejection("reveal.purpose", "個人番号を表示する目的を一覧から選んでください");
        }
        Reception reception = openReceptionOf(request);
        long lastHour = history.countsByActor(request.city(), AuditAction.REVEAL_INDIVIDUAL_NUMBER, now.minus(Duration.ofHours(1)))
                .getOrDefault(request.by().id(), 0L);
        if (lastHour >= policy.perHour()) {
            access.record(request.city(), request.by(), AuditAction.REVEAL_INDIVIDUAL_NUMBER, List.of(request.resident().value()),
                    "受付 " + reception.number().value() + ": " + request.purpose(),
                    "個人番号の表示を拒否（1時間の上限 " + policy.perHour() + " 件に達した）");
            throw new Rejection("reveal.limit", "個人番号の表示は1時間に " + policy.perHour()
                    + " 件までです。しばらくしてからもう一度操作してください（監査担当に通知されます）。");
        }
        Optional<RevealOutcome> asked = secondFactor(request, now);
        if (asked.isPresent()) {
            return asked.get();
        }
        Optional<IndividualNumber> found = registry.individualNumberOf(request.city(), request.resident());
        access.record(request.city(), request.by(), AuditAction.REVEAL_INDIVIDUAL_NUMBER, List.of(request.resident().value()),
                "受付 " + reception.number().value() + ": " + request.purpose(),
                found.isPresent() ? "個人番号を表示" : "個人番号を表示（登録なし）");
        return new RevealOutcome.Revealed(found);
    }

    /** The open visit the reveal is for: of this resident or their household, and of a department the member serves. */
    private Reception openReceptionOf(RevealRequest request) {
        if (request.reception().isEmpty()) {
            throw new Rejection("reveal.reception-missing", "個人番号を表示する受付の受付番号を入力してください（例: 20261122-0007）");
        }
        Reception reception = receptions.find(request.city(), ReceptionNumber.parse(request.reception()))
                .filter(r -> r.state() != ReceptionState.COMPLETED)
                .orElseThrow(() -> new Rejection("reveal.reception-closed", "受付番号 " + request.reception()
                        + " の受付は見つからないか、もう完了しています。手続中の受付の番号を入力してください"));
        reception.requireServedBy(request.by());
        boolean ofThisHousehold = reception.resident().map(visitor -> visitor.equals(request.resident())
                || sameHousehold(request.city(), visitor, request.resident())).orElse(false);
        if (!ofThisHousehold) {
            throw new Rejection("reveal.reception-other-resident", "受付番号 " + request.reception()
                    + " はこの住民（またはその世帯）の受付ではありません");
        }
        return reception;
    }

    private boolean sameHousehold(LocalGovernmentCode city, jp.madoguchi.domain.resident.AddresseeNumber a,
                                  jp.madoguchi.domain.resident.AddresseeNumber b) {
        Optional<Resident> first = registry.find(city, a);
        Optional<Resident> second = registry.find(city, b);
        return first.isPresent() && second.isPresent() && first.get().householdNumber().equals(second.get().householdNumber());
    }

    /** Empty when the last second factor of this login is recent enough (or the code just given is right). */
    private Optional<RevealOutcome> secondFactor(RevealRequest request, Instant now) {
        StaffSession session = sessions.find(request.sessionId())
                .orElseThrow(() -> new Rejection("reveal.session", "ログインし直してください"));
        if (session.secondFactorAt() != null && !session.secondFactorAt().plus(policy.secondFactorAge()).isBefore(now)) {
            return Optional.empty();
        }
        StaffAccount account = accounts.find(request.by().id())
                .orElseThrow(() -> new Rejection("reveal.session", "ログインし直してください"));
        if (account.secondFactorSecret() == null) {
            throw new Rejection("reveal.second-factor-missing", "個人番号の表示には認証アプリの登録が必要です。ログアウトして"
                    + "ログインし直すと登録の画面が出ます");
        }
        if (request.oneTimeCode().isEmpty()) {
            return Optional.of(new RevealOutcome.SecondFactorRequired("個人番号を表示する前に、認証アプリの6桁の確認コードを入力してください（"
                    + policy.secondFactorAge().toMinutes() + "分ごとに確認します）。"));
        }
        OptionalLong step = oneTimePasswords.verify(account.secondFactorSecret(), request.oneTimeCode(), now,
                account.lastOneTimeStep());
        if (step.isEmpty()) {
            access.record(request.city(), request.by(), AuditAction.LOGIN_FAILED, List.of(), "", "個人番号の表示の前の確認コードの誤り");
            return Optional.of(new RevealOutcome.SecondFactorRequired("確認コードが違います。認証アプリの最新のコードを入力してください。"));
        }
        // the step is kept, so the same code cannot be used a second time, here or at a login
        accounts.recordLogin(account.username(), step.getAsLong());
        sessions.confirmSecondFactor(request.sessionId(), now);
        return Optional.empty();
    }

    @Override
    public List<String> purposes() {
        return policy.purposes();
    }

    @Override
    public List<RevealAlert> alerts(LocalGovernmentCode city) {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        return history.countsByActor(city, AuditAction.REVEAL_INDIVIDUAL_NUMBER, since).entrySet().stream()
                .filter(e -> e.getValue() >= policy.alertPerDay())
                .map(e -> new RevealAlert(e.getKey(), e.getValue(), since))
                .toList();
    }
}
