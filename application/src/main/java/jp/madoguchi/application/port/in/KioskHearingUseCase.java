package jp.madoguchi.application.port.in;

import java.util.List;
import java.util.Map;

import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 記載台の聞き取り: the kiosk asks what the registry and the card cannot say, with the forms' own questions, before
 * the visit is taken; the citizen then sees every value with where it came from; the answers go into the visit so
 * the clerk does not ask again. Only what a finger can answer is asked here (a choice, a number, a date); what must
 * be written (a telephone number, a purpose) stays with the clerk.
 */
public interface KioskHearingUseCase {

    /** The questions of the chosen procedures' forms, each once, in the forms' order. */
    List<KioskQuestion> questions(LocalGovernmentCode city, AddresseeNumber resident, List<String> procedures);

    /**
     * Every value the forms will carry, with its source, for the citizen to check. Refused, naming each, when an
     * answer is missing or not one the question allows.
     */
    Review review(LocalGovernmentCode city, AddresseeNumber resident, List<String> procedures,
                  Map<String, String> answers, Operator kiosk);

    /**
     * The same confirmation for a visit already taken: a 転入 is opened as soon as its 転出証明書 is read, and its
     * questions are asked after that.
     */
    Review review(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, Operator kiosk);

    /** After the visit is taken: its answers, checked again, are stored with it. */
    default void keep(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, Operator kiosk) {
        keep(city, number, answers, kiosk, "記載台");
    }

    /** @param where where the citizen answered, for the timeline (記載台, 事前入力) */
    void keep(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, Operator by, String where);

    /**
     * The answers in their stored form, checked against the procedures' questions without anyone identified (the
     * phone at home); refused, naming each, when one is missing or not allowed.
     */
    Map<String, String> check(LocalGovernmentCode city, List<String> procedures, Map<String, String> answers);

    enum Kind {
        /** touch one of the choices */
        CHOICE,
        /** a count with − and + */
        NUMBER,
        /** a date chosen as 元号・年・月・日 */
        DATE
    }

    /**
     * @param suggested the value already chosen when the page opens (one copy; 本人, since the card holder is the one
     *                  standing at the kiosk), or empty
     */
    record KioskQuestion(String key, String text, Kind kind, List<String> choices, String suggested) {
        public KioskQuestion {
            choices = List.copyOf(choices);
        }
    }

    /** @param answers the answers as they will be stored (dates as 2026-11-22, numbers as digits) */
    record Review(List<ReviewRow> rows, Map<String, String> answers) {
        public Review {
            rows = List.copyOf(rows);
            answers = Map.copyOf(answers);
        }
    }

    /** One value on the confirmation screen: 住民記録, マイナンバーカード or あなたの回答. */
    record ReviewRow(String label, String value, String source) {
    }
}
