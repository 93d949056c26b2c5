package jp.madoguchi.application.port.in;

import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/** 稼働報告 for the city's IT staff, on screen and as a printable A4 PDF. */
public interface ShowOperationReportUseCase {

    OperationReport report(LocalGovernmentCode city, StatisticsPeriod period);

    RenderedDocument printable(LocalGovernmentCode city, StatisticsPeriod period);

    /** A running server marks the minute it serves in (see the availability in the report). */
    void markServing();
}
