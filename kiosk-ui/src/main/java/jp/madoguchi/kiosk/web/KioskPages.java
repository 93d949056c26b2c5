package jp.madoguchi.kiosk.web;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Introspected;
import jp.madoguchi.application.port.in.KioskHearingUseCase.KioskQuestion;
import jp.madoguchi.application.port.in.KioskHearingUseCase.ReviewRow;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.procedure.Suggestion;

/**
 * The kiosk's pages as typed records: each record's components are its template's variables (TypedPagesSpec checks
 * them against the templates). The CSRF processor adds {@code csrfToken}.
 */
public final class KioskPages {

    private KioskPages() {
    }

    /** ご用件を選ぶ. */
    @Introspected
    public record HomePage(List<Procedure> certificates, List<Procedure> notifications,
                           List<KioskEvents.EventChoice> events) {
    }

    /**
     * マイナンバーカードで本人確認, for a procedure or, when {@code event} is set, for a life event (whose related
     * procedures are suggested after the card).
     */
    @Introspected
    public record IdentifyPage(Procedure procedure, String error, String agentUrl, String event, String eventWords) {
    }

    /**
     * できごとに関係する手続: what the city's rules suggest for the household, each ticked, for the citizen to untick
     * what does not apply.
     */
    @Introspected
    public record RelatedPage(String eventWords, String event, String visit, List<RelatedChoice> choices, String error) {
    }

    /** One suggested procedure: for whom and why, in the rule's words. */
    @Introspected
    public record RelatedChoice(String code, String name, String department, String forWhom, String reason) {

        /**
         * The row of one procedure: for the household when a rule gave it for the household (or none did: the event's
         * own notification), else for the members named; the first reason in the rule's words.
         */
        static RelatedChoice of(Procedure procedure, List<Suggestion> suggestions, String eventWords) {
            boolean household = suggestions.isEmpty() || suggestions.stream().anyMatch(Suggestion::forHousehold);
            String forWhom = household ? "世帯"
                    : String.join("、", suggestions.stream().map(Suggestion::memberName).distinct().toList());
            String reason = suggestions.isEmpty() ? eventWords + "ときの届出です"
                    : suggestions.get(0).reasons().stream().findFirst().map(r -> r.in("ja")).orElse("");
            return new RelatedChoice(procedure.code(), procedure.name(), procedure.department().name(), forWhom, reason);
        }
    }

    /**
     * 内容の確認: every value the forms will carry with where it came from ({@code rows}), and the answers carried on
     * to the reception; or, {@code unconfirmed}, the card's face for the clerk to compare. {@code action} takes the
     * answers back to be corrected, {@code receiveAction} takes the visit (a 転入 posts both to its own visit).
     */
    @Introspected
    public record ConfirmPage(List<String> procedures, boolean unconfirmed, String visit, List<ReviewRow> rows,
                              List<HiddenField> answers, String action, String receiveAction) {

        public ConfirmPage(List<String> procedures, boolean unconfirmed, String visit, List<ReviewRow> rows, List<HiddenField> answers) {
            this(procedures, unconfirmed, visit, rows, answers, "/kiosk/answers", "/kiosk/receptions");
        }
    }

    /** A value carried from one kiosk page to the next. */
    @Introspected
    public record HiddenField(String name, String value) {
    }

    /**
     * 記載台の聞き取り: the questions of the chosen procedures, each once, with the answers chosen so far. On the
     * phone ({@code preEntry}) the same questions, with the chosen procedures {@code carried} to the code page.
     */
    @Introspected
    public record QuestionsPage(List<String> procedures, String visit, List<KioskQuestion> questions,
                                Map<String, String> answers, String error, Map<String, DateParts> dates,
                                boolean preEntry, List<HiddenField> carried, String action) {
    }

    /** A day in 和暦 parts, to preselect a date picker (the answer, or today); {@code eras} are the eras offered. */
    @Introspected
    public record DateParts(String era, int year, int month, int day, List<String> eras) {
    }

    /** The card holder is not in the registry: the counter of the procedure's department helps. */
    @Introspected
    public record NotFoundPage(Procedure procedure) {
    }

    /** A plain message with a way back (a mistake, or the paper path of a 転入). */
    @Introspected
    public record MessagePage(String message) {
    }

    /**
     * 受付票.
     *
     * @param printed    {@code printed} or {@code failed} after the receipt printer was asked; empty without one
     * @param identified whether a card identified the citizen; if not, the counter asks for an ID document
     */
    @Introspected
    public record SlipPage(String number, int callNumber, String openedAt, List<String> procedures,
                           String department, List<String> counters, int waitingAhead, int estimatedWait, String qr,
                           String printed, boolean identified) {
    }

    /**
     * 転入の受付: everyone moving in as their 転出証明書 (or the 転出証明書情報 the card found) says, and a field for
     * the handheld scanner to add a family member's certificate; {@code error} says why a code was not added.
     */
    @Introspected
    public record MoveInPage(String number, String basis, List<Mover> movers, String error) {
    }

    /** One person moving in, as the certificate says. */
    @Introspected
    public record Mover(String name, String birthDate, String relationship, String previousAddress) {
    }

    /** 事前入力: choose the procedures. */
    @Introspected
    public record PreEntryPage(List<Procedure> procedures, String error) {
    }

    /** 事前入力の二次元コード. */
    @Introspected
    public record PreEntryCodePage(String qr, List<String> procedures, String expires, boolean answered) {
    }

    /** 事前入力の二次元コードを読み取る. */
    @Introspected
    public record ScanPage(String error) {
    }
}
