package jp.madoguchi.application.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The stored visits. Updates are optimistic: a stale version is refused with {@link ConcurrentUpdateException}. */
public interface Receptions {

    /** Reserves the next reception number of that day in that city. */
    ReceptionNumber nextNumber(LocalGovernmentCode city, LocalDate day);

    /** Stores a new visit. */
    void add(Reception reception);

    /**
     * Stores the changes of a visit read at {@code reception.version()}.
     *
     * @throws ConcurrentUpdateException when someone else changed it since
     */
    void update(Reception reception);

    /**
     * Appends the visit's new timeline entries (something was viewed or printed) without changing its state or
     * version, so a clerk's open page stays current.
     */
    void appendTimeline(Reception reception);

    Optional<Reception> find(LocalGovernmentCode city, ReceptionNumber number);

    List<Reception> openedOn(LocalGovernmentCode city, LocalDate day);
}
