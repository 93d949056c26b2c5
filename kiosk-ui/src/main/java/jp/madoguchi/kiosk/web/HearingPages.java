package jp.madoguchi.kiosk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.KioskHearingUseCase;
import jp.madoguchi.application.port.in.KioskHearingUseCase.KioskQuestion;
import jp.madoguchi.application.port.in.KioskHearingUseCase.Review;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.domain.calendar.Era;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 記載台の聞き取り and 内容の確認: after the card, the questions the registry cannot answer, as touch choices; then
 * every value with where it came from, before the visit is taken.
 */
@Singleton
public class HearingPages {

    /** A date as the picker posts it: 元号, 年, 月, 日. */
    private static final Pattern PICKED = Pattern.compile("(\\D+?)(\\d+)年(\\d+)月(\\d+)日");

    private static final Logger LOG = LoggerFactory.getLogger(HearingPages.class);

    private final KioskHearingUseCase hearing;
    private final LocalGovernmentCode city;
    private final Clock clock;
    private final EraTable eras;

    public HearingPages(KioskHearingUseCase hearing, Installation installation, Clock clock, EraTable eras) {
        this.hearing = hearing;
        this.city = installation.city();
        this.clock = clock;
        this.eras = eras;
    }

    /** Right after the card: the questions, or the confirmation when nothing needs asking. */
    HttpResponse<?> start(List<Procedure> chosen, AddresseeNumber resident, String visit, Operator kiosk) {
        List<KioskQuestion> questions = hearing.questions(city, resident, codes(chosen));
        if (questions.isEmpty()) {
            return answered(chosen, resident, visit, Map.of(), kiosk);
        }
        Map<String, String> suggested = new java.util.LinkedHashMap<>();
        questions.forEach(q -> suggested.put(q.key(), q.suggested()));
        return HttpResponse.ok(questions(chosen, visit, questions, suggested, null));
    }

    /** 回答を直す: back from the confirmation to the questions, with the answers given. */
    HttpResponse<?> edit(List<Procedure> chosen, AddresseeNumber resident, String visit, Map<String, String> answers) {
        return HttpResponse.ok(questions(chosen, visit, hearing.questions(city, resident, codes(chosen)),
                answers, null));
    }

    /** The answers given: the confirmation, or the questions again with what to correct (nothing is lost). */
    HttpResponse<?> answered(List<Procedure> chosen, AddresseeNumber resident, String visit,
                             Map<String, String> answers, Operator kiosk) {
        try {
            Review review = hearing.review(city, resident, codes(chosen), answers, kiosk);
            return HttpResponse.ok(new ModelAndView<>("kiosk/confirm", new KioskPages.ConfirmPage(names(chosen), false, visit,
                    review.rows(), new KioskAnswers(review.answers()).hidden())));
        } catch (IllegalArgumentException e) {
            List<KioskQuestion> questions = hearing.questions(city, resident, codes(chosen));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(questions(chosen, visit, questions, answers, ScreenMessage.of(e)));
        }
    }

    /** The same questions on the phone at home (事前入力), for procedures chosen there; nobody is identified. */
    ModelAndView<KioskPages.QuestionsPage> preEntry(List<Procedure> chosen, List<KioskQuestion> questions,
                                                    Map<String, String> answers, String error) {
        List<KioskPages.HiddenField> carried = chosen.stream()
                .map(p -> new KioskPages.HiddenField("procedure", p.code())).toList();
        return page(chosen, null, questions, answers, error, true, carried, "/kiosk/pre-entry/answers");
    }

    /**
     * A 転入 was taken when its certificate was read: its questions are asked after that, and the answers go into
     * that visit ({@code action} posts to it).
     */
    HttpResponse<?> takenQuestions(List<Procedure> chosen, String action, Map<String, String> answers) {
        List<KioskQuestion> questions = hearing.questions(city, null, codes(chosen));
        Map<String, String> shown = new LinkedHashMap<>();
        questions.forEach(q -> shown.put(q.key(), answers.getOrDefault(q.key(), q.suggested())));
        return HttpResponse.ok(page(chosen, null, questions, shown, null, false, List.of(), action));
    }

    /** The answers to a taken visit's questions: its confirmation, or the questions again with what to correct. */
    HttpResponse<?> takenAnswered(ReceptionNumber number, List<Procedure> chosen, String action, String receiveAction,
                                  Map<String, String> answers, Operator kiosk) {
        try {
            Review review = hearing.review(city, number, answers, kiosk);
            return HttpResponse.ok(new ModelAndView<>("kiosk/confirm", new KioskPages.ConfirmPage(names(chosen), false, null,
                    review.rows(), new KioskAnswers(review.answers()).hidden(), action, receiveAction)));
        } catch (IllegalArgumentException e) {
            List<KioskQuestion> questions = hearing.questions(city, null, codes(chosen));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(chosen, null, questions, answers, ScreenMessage.of(e), false, List.of(), action));
        }
    }

    private ModelAndView<KioskPages.QuestionsPage> questions(List<Procedure> chosen, String visit,
                                                             List<KioskQuestion> questions, Map<String, String> answers,
                                                             String error) {
        return page(chosen, visit, questions, answers, error, false, List.of(), "/kiosk/answers");
    }

    private ModelAndView<KioskPages.QuestionsPage> page(List<Procedure> chosen, String visit,
                                                        List<KioskQuestion> questions, Map<String, String> answers,
                                                        String error, boolean preEntry,
                                                        List<KioskPages.HiddenField> carried, String action) {
        // the eras a date asked at a kiosk falls in (a move, a start of insurance): today's and the two before it
        List<String> recent = eras.eras().stream()
                .sorted(Comparator.comparing(Era::firstDay).reversed()).limit(3).map(Era::name).toList();
        Map<String, KioskPages.DateParts> dates = new LinkedHashMap<>();
        for (KioskQuestion q : questions) {
            if (q.kind() == KioskHearingUseCase.Kind.DATE) {
                dates.put(q.key(), picked(answers.get(q.key()), recent));
            }
        }
        return new ModelAndView<>("kiosk/questions", new KioskPages.QuestionsPage(names(chosen), visit, questions,
                answers, error, dates, preEntry, carried, action));
    }

    /**
     * What the date picker shows: the answer (2026-11-22 once checked; 令和8年2月30日 as picked, even a day that does
     * not exist, so a refusal keeps what was chosen), or today before any answer.
     */
    private KioskPages.DateParts picked(String answer, List<String> recent) {
        Matcher parts = PICKED.matcher(answer == null ? "" : answer);
        if (parts.matches()) {
            return new KioskPages.DateParts(parts.group(1), Integer.parseInt(parts.group(2)),
                    Integer.parseInt(parts.group(3)), Integer.parseInt(parts.group(4)), recent);
        }
        LocalDate day = LocalDate.now(clock);
        try {
            day = answer == null || answer.isBlank() ? day : LocalDate.parse(answer);
        } catch (DateTimeParseException notIso) {
            // not a date the picker made: start from today
        }
        WarekiDate wareki = WarekiDate.of(day, eras);
        return new KioskPages.DateParts(wareki.era().name(), wareki.year(), wareki.month(), wareki.day(), recent);
    }

    /** The procedures' names in the master; the page puts them into its language. */
    static List<String> names(List<Procedure> chosen) {
        return chosen.stream().map(Procedure::name).toList();
    }

    private static List<String> codes(List<Procedure> chosen) {
        return chosen.stream().map(Procedure::code).toList();
    }

    /**
     * The answers go into the visit just taken. They passed the same check on the confirmation; if they fail now
     * (a page altered by hand), the visit stays taken and the clerk asks instead.
     */
    void keep(ReceptionNumber number, Map<String, String> answers, Operator kiosk) {
        if (answers.isEmpty()) {
            return;
        }
        try {
            hearing.keep(city, number, answers, kiosk);
        } catch (IllegalArgumentException e) {
            LOG.warn("記載台の回答を受付 {} に記録できませんでした（窓口で聞き取ります）: {}", number.value(), e.getMessage());
        }
    }
}
