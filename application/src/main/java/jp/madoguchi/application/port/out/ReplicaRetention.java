package jp.madoguchi.application.port.out;

import java.time.LocalDate;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** Removes 除票 data that has passed its retention period, and records what it removed. */
public interface ReplicaRetention {

    /** Removes residents removed from the registry (転出, 死亡, 消除) before {@code cutoff}, with their history. */
    PurgeReport purge(LocalGovernmentCode city, LocalDate cutoff);

    record PurgeReport(LocalDate cutoff, long residents, long movements, String details) {
    }
}
