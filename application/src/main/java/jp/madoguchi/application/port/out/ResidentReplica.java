package jp.madoguchi.application.port.out;

import java.util.Collection;

import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The write side of the registry replica, fed by the linkage import (and the demo loader). */
public interface ResidentReplica {

    /** Adds or replaces residents, all in one transaction. */
    void store(Collection<Resident> residents);

    long count(LocalGovernmentCode city);
}
