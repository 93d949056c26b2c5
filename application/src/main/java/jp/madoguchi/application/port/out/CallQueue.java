package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The visits of a day as the calling sees them: who waits where, who is next, who was called. */
public interface CallQueue {

    /**
     * The visit to call next at a department: the lowest number of the day waiting there and not called there yet.
     * Inside a transaction, that visit stays reserved for it until it ends, and other transactions asking at the same
     * time get the next number instead (clerks at several counters pressing 「次の方」 at once).
     */
    Optional<ReceptionNumber> next(LocalGovernmentCode city, LocalDate day, String departmentCode);

    /** How many visits of the day wait uncalled at the department with a lower number than {@code number}. */
    int ahead(LocalGovernmentCode city, LocalDate day, String departmentCode, ReceptionNumber number);

    /**
     * The median time from the first call to completion of the department's visits finished on {@code day}: the
     * pace a slip's waiting estimate is made from; empty before the first visit of the day is finished.
     */
    Optional<Duration> typicalHandling(LocalGovernmentCode city, LocalDate day, String departmentCode);

    /** Per department code, how many visits of the day wait there and have not been called yet. */
    Map<String, Integer> waiting(LocalGovernmentCode city, LocalDate day);

    /**
     * The calls the waiting area's display shows: visits of the day whose last call was answered or is still open
     * (not 不在), not yet finished; the latest call first.
     */
    List<Called> called(LocalGovernmentCode city, LocalDate day);

    /** One number on the display. */
    record Called(ReceptionNumber number, String counterCode, String counterName, Instant at, int times,
                  boolean waiting) {
    }
}
