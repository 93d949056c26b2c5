package jp.madoguchi.application.port.out;

import java.time.LocalDate;

import jp.madoguchi.application.port.in.DailyStatistics;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** Read model over the receptions for the supervisors' statistics. */
public interface DailyStatisticsQuery {

    DailyStatistics forDay(LocalGovernmentCode city, LocalDate day);
}
