package jp.madoguchi.application.port.in;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.application.port.out.GuidanceCatalogue.HearingQuestion;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.RelatedProcedureList;
import jp.madoguchi.domain.procedure.Suggestion;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 関連手続の判定: from a reception's life event and household, the procedures that follow (by the city's rules in
 * force), the clerk's additions and removals, and the guidance sheet (手続案内書) that tells the visitor where to go.
 */
public interface DetermineRelatedProceduresUseCase {

    /** What the counter needs to ask before determining: the household, the event's defaults, the questions. */
    Hearing hearing(LocalGovernmentCode city, ReceptionNumber number, Operator operator);

    /**
     * 記載台で関連手続: before any visit exists, what the city's rules suggest for the card holder's household on a
     * life event happening today, with the default answers to the hearing questions; the citizen ticks what applies
     * and the clerk still determines the full list at the counter. Recorded in the access history.
     */
    List<Suggestion> suggest(LocalGovernmentCode city, AddresseeNumber resident, LifeEvent event, Operator kiosk);

    /** Determines the list anew (replacing an earlier one, whose version the clerk read: 0 for none). */
    RelatedProcedureList determine(DetermineCommand command);

    Optional<RelatedProcedureList> list(LocalGovernmentCode city, ReceptionNumber number);

    RelatedProcedureList remove(LocalGovernmentCode city, ReceptionNumber number, long expectedVersion, int seq,
                                String reason, Operator operator);

    RelatedProcedureList add(LocalGovernmentCode city, ReceptionNumber number, long expectedVersion,
                             String procedureCode, String memberId, String reason, Operator operator);

    /**
     * 受付に追加: the procedures still on the list (the clerk kept them) become procedures of the visit: their forms
     * print with the others and each is finished, and handed to the back office, by its own department's 完了.
     *
     * @param expectedVersion the visit's version the clerk read
     * @return the procedures newly added to the visit
     */
    List<jp.madoguchi.domain.procedure.Procedure> adopt(LocalGovernmentCode city, ReceptionNumber number,
                                                        long expectedVersion, Operator operator);

    /** The guidance sheet of the reception's current list, in a language (ja, en), with furigana or not. */
    RenderedDocument guidanceSheet(LocalGovernmentCode city, ReceptionNumber number, String language, boolean furigana,
                                   Operator operator);

    /**
     * @param subjects the members the event is about (届出の対象: the movers, the newborn, the deceased)
     * @param answers  聞き取りの回答 by question key; questions not answered take their default answer
     */
    record DetermineCommand(LocalGovernmentCode city, ReceptionNumber number, long expectedVersion, LifeEvent event,
                            String kind, LocalDate eventDate, Set<String> subjects, Map<String, String> answers,
                            Operator operator) {
        public DetermineCommand {
            if (city == null || number == null || operator == null) {
                throw new Rejection("reception.step-incomplete", "市区町村・受付番号・操作者が必要です");
            }
            if (event == null) {
                throw new Rejection("related.life-event-missing", "ライフイベントを選んでください");
            }
            if (eventDate == null) {
                throw new Rejection("related.event-date-missing", "異動日（届出の事由が生じた日）を入力してください");
            }
            subjects = Set.copyOf(subjects);
            answers = Map.copyOf(answers);
        }
    }

    /**
     * The household as the counter sees it before determining, and where the visit stands.
     *
     * @param receptionVersion the visit's version, for adopting the kept procedures into it
     * @param onVisit          what became of each procedure of the visit, by code (e.g. 「受付に追加済み」「市民課で完了」)
     */
    record Hearing(LifeEvent suggestedEvent, List<Member> members, List<HearingQuestion> questions,
                   long receptionVersion, Map<String, String> onVisit) {
        public Hearing {
            onVisit = Map.copyOf(onVisit);
        }
    }

    /** A member, with whether the event is about them by default. */
    record Member(String id, String name, String birthDate, String relationship, boolean subjectByDefault) {
    }
}
