package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ServiceCounter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 呼出: the counter staff call waiting visitors by their number to a counter (窓口), and the display in the waiting
 * area shows who is called where. The first call of a visit ends its waiting time in the statistics.
 */
public interface CallVisitorsUseCase {

    /**
     * The city's counters. A city that has set none gets 「1番窓口」 for each department on first use, so calling works
     * before anyone has set counters up.
     */
    List<ServiceCounter> counters(LocalGovernmentCode city);

    /** 次の方を呼ぶ: calls the lowest waiting number of the counter's department; empty when nobody is waiting. */
    Optional<Reception> callNext(LocalGovernmentCode city, String counterCode, Operator by);

    /** 呼出 of one visit: a number chosen by hand, or called again after 不在. */
    Reception call(LocalGovernmentCode city, ReceptionNumber number, String counterCode, Operator by);

    /** 再呼出: calls the number the counter called last once more. */
    Reception recall(LocalGovernmentCode city, String counterCode, Operator by);

    /** 不在: the number the counter called last did not come; it leaves the display. */
    Reception markAbsent(LocalGovernmentCode city, String counterCode, Operator by);

    /** What the display in the waiting area shows now: numbers and counters only, never a name. */
    CallBoard board(LocalGovernmentCode city);

    /**
     * The call display.
     *
     * @param calls   the numbers called and not yet finished, the latest first
     * @param waiting per department, how many wait and are not called yet
     */
    record CallBoard(List<CalledNumber> calls, List<Waiting> waiting) {
        public CallBoard {
            calls = List.copyOf(calls);
            waiting = List.copyOf(waiting);
        }

        /** The number the counter called last, if it is still shown. */
        public Optional<CalledNumber> at(String counterCode) {
            return calls.stream().filter(c -> c.counterCode().equals(counterCode)).findFirst();
        }
    }

    /**
     * @param callNumber the number on the slip (the serial of the day)
     * @param waiting    still waiting to be taken up (the number blinks on the display); false once the hearing began
     */
    record CalledNumber(int callNumber, ReceptionNumber number, String counterCode, String counterName, Instant at,
                        int times, boolean waiting) {
    }

    record Waiting(String departmentCode, String departmentName, int visits) {
    }
}
