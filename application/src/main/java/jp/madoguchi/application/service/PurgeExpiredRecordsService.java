package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import jp.madoguchi.application.port.in.PurgeExpiredRecordsUseCase;
import jp.madoguchi.application.port.out.ReplicaRetention;
import jp.madoguchi.application.port.out.ReplicaRetention.PurgeReport;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/** 保存期間を過ぎた除票の削除: the cutoff is today minus the retention period the city set. */
public final class PurgeExpiredRecordsService implements PurgeExpiredRecordsUseCase {

    private final ReplicaRetention retention;
    private final Period period;
    private final Clock clock;

    public PurgeExpiredRecordsService(ReplicaRetention retention, Period period, Clock clock) {
        if (period.isNegative() || period.isZero()) {
            throw new Rejection("linkage.retention-invalid", "除票の保存期間は正の期間で指定してください: " + period);
        }
        this.retention = retention;
        this.period = period;
        this.clock = clock;
    }

    @Override
    public PurgeReport purge(LocalGovernmentCode city) {
        return retention.purge(city, LocalDate.now(clock).minus(period));
    }
}
