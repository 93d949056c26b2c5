package jp.madoguchi.application.port.out;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.reception.ServiceCounter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 窓口: the counters of each department of a city, where waiting visitors are called to. */
public interface ServiceCounters {

    /** Every counter of the city, per department in the order the city set them. */
    List<ServiceCounter> all(LocalGovernmentCode city);

    Optional<ServiceCounter> find(LocalGovernmentCode city, String code);

    /** Adds the counter, or renames it (and moves it to another department) when its code exists. */
    void save(LocalGovernmentCode city, ServiceCounter counter);

    /** @return whether there was such a counter */
    boolean remove(LocalGovernmentCode city, String code);
}
