package jp.madoguchi.kiosk.web;

import java.util.List;

import io.micronaut.core.annotation.Introspected;
import jp.madoguchi.domain.procedure.Procedure;

/**
 * The kiosk's pages as typed records: each record's components are its template's variables (TypedPagesSpec checks
 * them against the templates). The CSRF processor adds {@code csrfToken}.
 */
public final class KioskPages {

    private KioskPages() {
    }

    /** ご用件を選ぶ. */
    @Introspected
    public record HomePage(List<Procedure> certificates, List<Procedure> notifications) {
    }

    /** マイナンバーカードで本人確認. */
    @Introspected
    public record IdentifyPage(Procedure procedure, String error, String agentUrl) {
    }

    /** 内容の確認: the resident found (or, {@code unconfirmed}, the card's face for the clerk to compare). */
    @Introspected
    public record ConfirmPage(Procedure procedure, boolean unconfirmed, String name, String kana, String address,
                              String birthDate, String visit) {
    }

    /** The card holder is not in the registry: the counter of the procedure's department helps. */
    @Introspected
    public record NotFoundPage(Procedure procedure) {
    }

    /** A plain message with a way back (a mistake, or the paper path of a 転入). */
    @Introspected
    public record MessagePage(String message) {
    }

    /** 受付票. */
    @Introspected
    public record SlipPage(String number, int callNumber, String openedAt, List<String> procedures,
                           String department, String qr) {
    }

    /** 転入の受付: what the 転出証明書 (or the card) said. */
    @Introspected
    public record MoveInPage(String number, String basis, String name, String previousAddress, String birthDate) {
    }

    /** 事前入力: choose the procedures. */
    @Introspected
    public record PreEntryPage(List<Procedure> procedures, String error) {
    }

    /** 事前入力の二次元コード. */
    @Introspected
    public record PreEntryCodePage(String qr, List<String> procedures, String expires) {
    }

    /** 事前入力の二次元コードを読み取る. */
    @Introspected
    public record ScanPage(String error) {
    }
}
