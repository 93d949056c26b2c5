package jp.madoguchi.application.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.application.port.in.KioskHearingUseCase;
import jp.madoguchi.application.port.in.PreEntryUseCase;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.in.StartReceptionUseCase;
import jp.madoguchi.application.port.out.PreEntries;
import jp.madoguchi.application.port.out.PreEntryAnswerSeals;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.PreEntryCode;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

public final class PreEntryService implements PreEntryUseCase {

    /** Long enough to come on another day of the week, short enough that forgotten codes do not pile up. */
    static final Duration VALID_FOR = Duration.ofDays(7);

    /** How long after a kiosk used a code the same kiosk reading it again is a 二度読み, shown the same visit. */
    static final Duration READ_AGAIN_WITHIN = Duration.ofMinutes(5);

    private final PreEntries preEntries;
    private final ProcedureCatalogue catalogue;
    private final TwoDimensionalCodes codes;
    private final StartReceptionUseCase receptions;
    private final Receptions stored;
    private final Transactions transactions;
    private final KioskHearingUseCase hearing;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final PreEntryAnswerSeals seals;

    public PreEntryService(PreEntries preEntries, ProcedureCatalogue catalogue, TwoDimensionalCodes codes,
                           StartReceptionUseCase receptions, Receptions stored, KioskHearingUseCase hearing,
                           PreEntryAnswerSeals seals, Transactions transactions, Clock clock) {
        this.hearing = hearing;
        this.seals = seals;
        this.preEntries = preEntries;
        this.catalogue = catalogue;
        this.codes = codes;
        this.receptions = receptions;
        this.stored = stored;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<KioskHearingUseCase.KioskQuestion> questions(LocalGovernmentCode city, List<String> procedureCodes) {
        return hearing.questions(city, null, known(procedureCodes));
    }

    @Override
    public PreparedPreEntry prepare(LocalGovernmentCode city, List<String> procedureCodes, Map<String, String> answers) {
        List<String> chosen = List.copyOf(new LinkedHashSet<>(procedureCodes == null ? List.of() : procedureCodes));
        if (chosen.isEmpty()) {
            throw new Rejection("pre-entry.procedures-missing", "手続を1つ以上選んでください");
        }
        List<String> names = chosen.stream().map(c -> catalogue.find(c).map(Procedure::name)
                .orElseThrow(() -> new Rejection("pre-entry.procedure-unknown", "選ばれた手続が見つかりません。選び直してください。"))).toList();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        PreEntryCode code = new PreEntryCode(city, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        Map<String, String> checked = answers == null || answers.isEmpty() ? Map.of() : hearing.check(city, chosen, answers);
        preEntries.add(code, chosen, checked.isEmpty() ? null : seals.seal(code, checked), now, expires);
        return new PreparedPreEntry(code.text(), codes.qrPng(code.text(), 360), expires, names);
    }

    @Override
    public Redemption redeem(LocalGovernmentCode city, String scanned, Operator operator) {
        Optional<PreEntryCode> code = PreEntryCode.parse(TwoDimensionalCodes.fromKeyboardWedge(scanned));
        if (code.isEmpty()) {
            return new Redemption.Refused("事前入力のQRコードとして読み取れませんでした。スマートフォンの画面を明るくして、もう一度かざしてください。");
        }
        if (!code.get().city().equals(city)) {
            return new Redemption.Refused("このQRコードは別の市区町村の事前入力です。");
        }
        // one unit: a code is used up only together with the reception it opened, so a failure leaves it usable
        java.util.concurrent.atomic.AtomicBoolean fresh = new java.util.concurrent.atomic.AtomicBoolean();
        Redemption redemption = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<List<String>> procedures = preEntries.use(code.get(), now, operator.terminal());
            if (procedures.isEmpty()) {
                Optional<Reception> readAgain = preEntries.openedBy(code.get(), operator.terminal(),
                                now.minus(READ_AGAIN_WITHIN))
                        .flatMap(number -> stored.find(city, number))
                        .filter(Reception::isWaiting);
                if (readAgain.isPresent()) {
                    return new Redemption.Opened(readAgain.get());
                }
                return new Redemption.Refused("このQRコードは使用済みか、有効期限（作成から7日）が過ぎています。"
                        + "もう一度事前入力をするか、記載台でご用件を選んでください。");
            }
            Reception reception = receptions.start(new StartReceptionUseCase.StartReceptionCommand(city, Channel.PRE_ENTRY,
                    null, procedures.get(), operator));
            preEntries.opened(code.get(), reception.number());
            fresh.set(true);
            return new Redemption.Opened(reception);
        });
        if (fresh.get()) {
            keepAnswers(city, code.get(), ((Redemption.Opened) redemption).reception(), operator);
        }
        return redemption;
    }

    /**
     * The answers given on the phone go into the visit, so the clerk does not ask them again. Answers the forms no
     * longer take (a form changed within the 7 days) are dropped as a whole: the clerk asks instead, as the
     * timeline then says.
     */
    private void keepAnswers(LocalGovernmentCode city, PreEntryCode code, Reception reception, Operator operator) {
        Optional<byte[]> sealed = preEntries.sealedAnswers(code);
        if (sealed.isEmpty()) {
            return;
        }
        try {
            hearing.keep(city, reception.number(), seals.open(code, sealed.get()), operator, "事前入力");
        } catch (IllegalArgumentException e) {
            reception.record(operator, clock.instant(), "事前入力の回答は使えませんでした（窓口で聞き取ります）: "
                    + ScreenMessage.of(e));
            stored.appendTimeline(reception);
        }
    }

    /** The procedures of the master among {@code codes}, each once. */
    private List<String> known(List<String> codes) {
        return (codes == null ? List.<String>of() : codes).stream().distinct()
                .filter(c -> catalogue.find(c).isPresent()).toList();
    }
}
