package jp.madoguchi.application.port.in;

import java.time.LocalDate;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 日報の自動出力: after closing time, the day's report goes to the folder the city sets. */
public interface WriteDailyReportUseCase {

    /** Writes the 日報 of {@code day}; where it went. */
    String writeDailyReport(LocalGovernmentCode city, LocalDate day);

    /** The 日報 of today (city hall time). */
    String writeTodaysReport(LocalGovernmentCode city);
}
