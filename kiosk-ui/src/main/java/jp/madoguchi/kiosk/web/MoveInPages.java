package jp.madoguchi.kiosk.web;

import java.net.URI;
import java.util.Map;

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
 * 転入届 at the kiosk: under 特例転入 the card alone opens the reception; without 転出証明書情報 the visitor holds the
 * paper certificate's 2D code to the handheld scanner instead.
 */
@Singleton
public class MoveInPages {

    static final String MOVE_IN = "MOVE_IN_NOTIFICATION";

    private final StartMoveInUseCase moveIn;
    private final HoldKioskVisitUseCase visits;
    private final LocalGovernmentCode city;

    public MoveInPages(StartMoveInUseCase moveIn, HoldKioskVisitUseCase visits,
                       Installation installation) {
        this.moveIn = moveIn;
        this.visits = visits;
        this.city = installation.city();
    }

    ModelAndView<?> special(CardIdentification.Identified card, Operator kiosk) {
        MoveInStart result = moveIn.special(new StartMoveInUseCase.SpecialCommand(city, Channel.KIOSK, card.face(),
                card.individualNumber(), kiosk));
        return shown(result, kiosk);
    }

    Object fromCertificate(String scanned, Operator kiosk) {
        if (scanned == null || scanned.isBlank()) {
            return paperPath("二次元コードを読み取れませんでした。転出証明書の二次元コードを読み取り機にかざしてください。");
        }
        MoveInStart result = moveIn.fromCertificateCode(new StartMoveInUseCase.CertificateCodeCommand(city, Channel.KIOSK,
                null, scanned, kiosk));
        if (result instanceof MoveInStart.Started started) {
            visits.issued(city, kiosk.id(), started.reception().number().value());
            return HttpResponse.seeOther(URI.create("/kiosk/slip/" + started.reception().number().value()));
        }
        return paperPath(((MoveInStart.NotStarted) result).message());
    }

    private ModelAndView<?> shown(MoveInStart result, Operator kiosk) {
        if (result instanceof MoveInStart.Started started) {
            visits.issued(city, kiosk.id(), started.reception().number().value());
            var c = started.moveIn().certificate();
            return new ModelAndView<>("kiosk/move-in", new KioskPages.MoveInPage(started.reception().number().value(),
                    started.moveIn().basis().label(), c.name(), c.previousAddress() == null ? "" : c.previousAddress(),
                    c.birthDateForDisplay()));
        }
        return paperPath(((MoveInStart.NotStarted) result).message());
    }

    private static ModelAndView<KioskPages.MessagePage> paperPath(String message) {
        return new ModelAndView<>("kiosk/move-in-paper", new KioskPages.MessagePage(message));
    }
}
