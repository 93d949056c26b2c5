package jp.madoguchi.application.service;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.StartReceptionUseCase;
import jp.madoguchi.application.port.in.StartSpecialMoveInUseCase;
import jp.madoguchi.application.port.out.MoveOutCertificates;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.resident.MatchKey;

/** Finds the 転出証明書情報 for the card holder and opens a 転入届 reception from it. */
public final class StartSpecialMoveInService implements StartSpecialMoveInUseCase {

    static final String MOVE_IN = "MOVE_IN_NOTIFICATION";
    static final String NOT_FOUND = "転出証明書情報が見つかりませんでした。特例転入ではなく、紙の転出証明書で手続きできます。"
            + "転出証明書をお持ちでしたら、二次元コードを読み取り機にかざしてください。お持ちでない場合は職員にお声がけください。";

    private final MoveOutCertificates certificates;
    private final StartReceptionUseCase receptions;

    public StartSpecialMoveInService(MoveOutCertificates certificates, StartReceptionUseCase receptions) {
        this.certificates = certificates;
        this.receptions = receptions;
    }

    @Override
    public SpecialMoveIn start(StartCommand command) {
        Optional<MoveOutCertificate> found = certificates.forPerson(command.city(), command.individualNumber(),
                MatchKey.name(command.card().name()), IdentifyResidentByCardService.birthDate(command.card().birthDate()).orElse(null));
        if (found.isEmpty()) {
            return new SpecialMoveIn.NotFound(NOT_FOUND);
        }
        // the visitor is not a resident yet: the reception has no 宛名番号 until the 住記 system registers them
        var reception = receptions.start(new StartReceptionUseCase.StartReceptionCommand(command.city(), command.channel(), null,
                List.of(MOVE_IN), command.operator()));
        return new SpecialMoveIn.Started(reception, found.get());
    }
}
