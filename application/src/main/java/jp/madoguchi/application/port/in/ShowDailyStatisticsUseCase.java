package jp.madoguchi.application.port.in;

import java.time.LocalDate;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 日次統計 for supervisors. */
public interface ShowDailyStatisticsUseCase {

    DailyStatistics today(LocalGovernmentCode city);

    DailyStatistics forDay(LocalGovernmentCode city, LocalDate day);
}
