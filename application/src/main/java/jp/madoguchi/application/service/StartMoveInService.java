package jp.madoguchi.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.StartMoveInUseCase;
import jp.madoguchi.application.port.in.StartReceptionUseCase;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.MoveOutCertificateCodes;
import jp.madoguchi.application.port.out.MoveOutCertificates;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveInBasis;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionState;
import jp.madoguchi.domain.resident.MatchKey;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/** Opens 転入届 receptions from a 転出証明書: its 2D code, or the 転出証明書情報 under 特例転入. */
public final class StartMoveInService implements StartMoveInUseCase {

    static final String MOVE_IN = "MOVE_IN_NOTIFICATION";
    static final String NOT_FOUND = "転出証明書情報が見つかりませんでした。特例転入ではなく、紙の転出証明書で手続きできます。"
            + "転出証明書をお持ちでしたら、二次元コードを読み取り機にかざしてください。お持ちでない場合は職員にお声がけください。";
    static final String NO_CODE = "画像から二次元コードを見つけられませんでした。転出証明書の二次元コード全体が写るように、"
            + "光の反射を避けてもう一度読み取ってください。";

    private final MoveOutCertificates certificates;
    private final MoveOutCertificateCodes certificateCodes;
    private final TwoDimensionalCodes codes;
    private final MoveIns moveIns;
    private final StartReceptionUseCase receptions;
    private final Receptions stored;
    private final Transactions transactions;
    private final EraTable eras;
    private final Clock clock;

    public StartMoveInService(MoveOutCertificates certificates, MoveOutCertificateCodes certificateCodes,
                              TwoDimensionalCodes codes, MoveIns moveIns, StartReceptionUseCase receptions,
                              Receptions stored, Transactions transactions, EraTable eras, Clock clock) {
        this.eras = eras;
        this.stored = stored;
        this.clock = clock;
        this.transactions = transactions;
        this.certificates = certificates;
        this.certificateCodes = certificateCodes;
        this.codes = codes;
        this.moveIns = moveIns;
        this.receptions = receptions;
    }

    @Override
    public MoveInStart special(SpecialCommand command) {
        Optional<MoveOutCertificate> found = certificates.forPerson(command.city(), command.individualNumber(),
                MatchKey.name(command.card().name()), IdentifyResidentByCardService.birthDate(command.card().birthDate(), eras).orElse(null));
        return found
                // the family that left the same household that day comes along: one card, one visit, every member
                .<MoveInStart>map(c -> open(command.city(), command.channel(), command.operator(),
                        new MoveIn(MoveInBasis.SPECIAL_MOVE_IN, c, certificates.movingWith(command.city(), c))))
                .orElseGet(() -> new MoveInStart.NotStarted(NOT_FOUND));
    }

    @Override
    public MoveInStart fromCertificateCode(CertificateCodeCommand command) {
        Certificate read = read(command);
        if (read.refusal() != null) {
            return read.refusal();
        }
        return open(command.city(), command.channel(), command.operator(), new MoveIn(MoveInBasis.PAPER_CERTIFICATE, read.certificate()));
    }

    @Override
    public MoveInStart addFromCertificateCode(ReceptionNumber number, CertificateCodeCommand command) {
        Optional<MoveIn> kept = moveIns.find(command.city(), number);
        Optional<Reception> reception = stored.find(command.city(), number);
        if (kept.isEmpty() || reception.isEmpty()) {
            return new MoveInStart.NotStarted("この受付は転入届の受付ではありません。職員にお声がけください。");
        }
        if (reception.get().state() == ReceptionState.COMPLETED) {
            return new MoveInStart.NotStarted("この受付はもう終わっています。職員にお声がけください。");
        }
        Certificate read = read(command);
        if (read.refusal() != null) {
            return read.refusal();
        }
        MoveIn more;
        try {
            more = kept.get().with(read.certificate());
        } catch (Rejection twice) {
            return new MoveInStart.NotStarted(twice.getMessage() + "。ほかのご家族の二次元コードを読み取ってください。");
        }
        Reception visit = reception.get();
        visit.record(command.operator(), clock.instant(),
                "同じ世帯で転入する方の転出証明書を読み取り（" + more.movers().size() + "人目）");
        return transactions.inTransaction(() -> {
            moveIns.addCompanion(command.city(), number, read.certificate());
            stored.appendTimeline(visit);
            return new MoveInStart.Started(visit, more);
        });
    }

    @Override
    public Optional<MoveIn> moveIn(LocalGovernmentCode city, ReceptionNumber reception) {
        return moveIns.find(city, reception);
    }

    /** A certificate read from its code, or why not (for the person at the reader). */
    private record Certificate(MoveOutCertificate certificate, MoveInStart.NotStarted refusal) {
    }

    private Certificate read(CertificateCodeCommand command) {
        Optional<String> payload;
        if (command.image() != null && command.image().length > 0) {
            try {
                payload = codes.decode(command.image());
            } catch (IllegalArgumentException notAnImage) {
                return new Certificate(null, new MoveInStart.NotStarted("読み取った画像を開けませんでした（PNG・JPEG・BMPの画像を使ってください）。"));
            }
        } else {
            payload = Optional.of(TwoDimensionalCodes.fromKeyboardWedge(command.scannedText())).filter(s -> !s.isEmpty());
        }
        if (payload.isEmpty()) {
            return new Certificate(null, new MoveInStart.NotStarted(NO_CODE));
        }
        try {
            return new Certificate(certificateCodes.read(payload.get()), null);
        } catch (MoveOutCertificateCodes.UnreadableCode | IllegalArgumentException e) {
            return new Certificate(null, new MoveInStart.NotStarted("二次元コードは読めましたが、転出証明書の内容として解釈できませんでした（"
                    + e.getMessage() + "）。他の書類のコードでないか確かめ、職員にお声がけください。"));
        }
    }

    private MoveInStart open(LocalGovernmentCode city, Channel channel, Operator operator, MoveIn moveIn) {
        // the visitor is not a resident yet: the reception has no 宛名番号 until the 住記 system registers them
        // one unit: a move-in visit never exists without the 転出証明書 it was opened from
        return transactions.inTransaction(() -> {
            Reception reception = receptions.start(new StartReceptionUseCase.StartReceptionCommand(city, channel, null,
                    List.of(MOVE_IN), operator));
            moveIns.save(city, reception.number(), moveIn);
            return new MoveInStart.Started(reception, moveIn);
        });
    }
}
