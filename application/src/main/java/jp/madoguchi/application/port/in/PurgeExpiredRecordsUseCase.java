package jp.madoguchi.application.port.in;

import jp.madoguchi.application.port.out.ReplicaRetention.PurgeReport;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** Removes 除票 data older than the retention period the city set (default 5 years). */
public interface PurgeExpiredRecordsUseCase {

    PurgeReport purge(LocalGovernmentCode city);
}
