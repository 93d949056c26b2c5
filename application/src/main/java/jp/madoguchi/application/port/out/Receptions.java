package jp.madoguchi.application.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionState;
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

    /** 受付情報照会: the visits opened from {@code from} to {@code to} that match every condition given, newest first. */
    List<Reception> search(LocalGovernmentCode city, Criteria criteria, int limit);

    /**
     * The conditions of a search; {@code null} for any.
     *
     * @param callNumber the number called out (the serial of the day)
     * @param residents  only visits of these 宛名番号 (from a search by name); {@code null} for anyone
     */
    record Criteria(LocalDate from, LocalDate to, ReceptionState state, String procedureCode, String departmentCode,
                    Integer callNumber, Set<String> residents) {
        public Criteria {
            Objects.requireNonNull(from, "照会の初日がありません");
            Objects.requireNonNull(to, "照会の末日がありません");
            residents = residents == null ? null : Set.copyOf(residents);
        }
    }
}
