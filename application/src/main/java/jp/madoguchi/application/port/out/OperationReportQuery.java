package jp.madoguchi.application.port.out;

import java.time.Instant;

import jp.madoguchi.application.port.in.OpeningHours;
import jp.madoguchi.application.port.in.OperationReport;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/** The operation report's figures, read from what the system records anyway, and the serving marks it needs. */
public interface OperationReportQuery {

    /** The period up to {@code now}: opening minutes after it are not counted yet. */
    OperationReport of(LocalGovernmentCode city, StatisticsPeriod period, OpeningHours hours, Instant now);

    /** Marks the minute of {@code at} as served (idempotent; every server marks). */
    void markServing(Instant at);
}
