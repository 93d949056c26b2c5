package jp.madoguchi.application.port.in;

import java.time.LocalDate;
import java.util.List;

/** The receptions of one day, counted per procedure. */
public record DailyStatistics(LocalDate day, List<ProcedureCount> perProcedure) {

    public DailyStatistics {
        perProcedure = List.copyOf(perProcedure);
    }

    public long total() {
        return perProcedure.stream().mapToLong(ProcedureCount::receptions).sum();
    }

    /** Receptions and completed receptions that asked for one procedure. */
    public record ProcedureCount(String procedureCode, String procedureName, long receptions, long completed) {
    }
}
