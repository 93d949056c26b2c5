package jp.madoguchi.application.port.in;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * 統計の事前集計: counts the closed days of this 年度 and the last ahead, so that the supervisors' pages (and their
 * comparisons with last year) read them at once instead of counting when first asked.
 */
public interface PrepareStatisticsUseCase {

    /** Counts what is not counted yet, or changed since; how many days that was. */
    int prepareRecentDays(LocalGovernmentCode city);
}
