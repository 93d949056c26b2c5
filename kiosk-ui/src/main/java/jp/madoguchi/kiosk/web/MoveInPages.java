package jp.madoguchi.kiosk.web;

import java.net.URI;

import io.micronaut.http.HttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.HoldKioskVisitUseCase;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.CardIdentification;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.StartMoveInUseCase;
import jp.madoguchi.application.port.in.StartMoveInUseCase.MoveInStart;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 転入届 at the kiosk, right after the card: under 特例転入 the card alone opens the reception (with the family who
 * left the same household that day); without 転出証明書情報 the visitor holds the paper certificate's 2D code to the
 * handheld scanner instead. Either way the kiosk then lists who is moving in ({@link KioskMoveInController}).
 */
@Singleton
public class MoveInPages {

    static final String MOVE_IN = "MOVE_IN_NOTIFICATION";

    private final StartMoveInUseCase moveIn;
    private final HoldKioskVisitUseCase visits;
    private final LocalGovernmentCode city;

    public MoveInPages(StartMoveInUseCase moveIn, HoldKioskVisitUseCase visits, Installation installation) {
        this.moveIn = moveIn;
        this.visits = visits;
        this.city = installation.city();
    }

    Object special(CardIdentification.Identified card, Operator kiosk) {
        return shown(moveIn.special(new StartMoveInUseCase.SpecialCommand(city, Channel.KIOSK, card.face(),
                card.individualNumber(), kiosk)), kiosk);
    }

    Object fromCertificate(String scanned, Operator kiosk) {
        if (scanned == null || scanned.isBlank()) {
            return paperPath("二次元コードを読み取れませんでした。転出証明書の二次元コードを読み取り機にかざしてください。");
        }
        return shown(moveIn.fromCertificateCode(new StartMoveInUseCase.CertificateCodeCommand(city, Channel.KIOSK,
                null, scanned, kiosk)), kiosk);
    }

    private Object shown(MoveInStart result, Operator kiosk) {
        if (result instanceof MoveInStart.Started started) {
            String number = started.reception().number().value();
            visits.issued(city, kiosk.id(), number);
            return HttpResponse.seeOther(URI.create("/kiosk/move-in/" + number));
        }
        return paperPath(((MoveInStart.NotStarted) result).message());
    }

    static ModelAndView<KioskPages.MessagePage> paperPath(String message) {
        return new ModelAndView<>("kiosk/move-in-paper", new KioskPages.MessagePage(message));
    }
}
