package jp.madoguchi.acceptance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.adapters.documents.pdf.OpenPdfStatisticsReportRenderer;
import jp.madoguchi.adapters.documents.pdf.PdfFonts;
import jp.madoguchi.adapters.export.FolderReports;
import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.adapters.postgres.statistics.ReadModelVisitStatisticsQuery;
import jp.madoguchi.application.port.in.ShowStatisticsUseCase.StatisticsQuery;
import jp.madoguchi.application.service.ShowStatisticsService;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * 統計のベンチマーク (docs/benchmarks.md): a 年度 of generated visits (default 4,000 each weekday, about 1,040,000) on
 * the embedded PostgreSQL with production settings (durable commits, the application's own role), each with its
 * timeline (受付, 聞き取り, 完了 for nine in ten), one procedure and for one in four a second one in another department.
 * Then the read model is built, and the supervisors' page as the server builds it (the period, the one before and
 * last year's, every angle) for today, a closed day, a week, a month, this month and the whole 年度, each asked
 * {@code rounds} times warm: p50 and p95; and the 日報 PDF of today and of a closed day.
 * Usage: {@code StatisticsBenchmark [visits a weekday] [rounds]}.
 */
public final class StatisticsBenchmark {

    private static final LocalGovernmentCode CITY = new LocalGovernmentCode("999997");

    public static void main(String[] args) throws Exception {
        int perDay = args.length > 0 ? Integer.parseInt(args[0].replace(",", "")) : 4_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Files.createTempDirectory("madoguchi-statistics-bench-");
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        try (ManagedDatabase database = ManagedDatabase.embedded(work.resolve("postgres"), 10)) {
            Jdbi jdbi = Jdbi.create(database.dataSource()).installPlugin(new PostgresPlugin());
            long started = System.nanoTime();
            long visits = aYearOfVisits(jdbi, perDay);
            System.out.printf("a 年度 of visits: %,d with their timelines and procedures, generated in %.0f s%n", visits,
                    (System.nanoTime() - started) / 1e9);
            // today is the 年度's last day, mid-afternoon: its visits are counted straight, the closed days from the
            // read model, which is built first as the nightly preparation (or the first page) would
            ZoneId tokyo = ZoneId.of("Asia/Tokyo");
            LocalDate today = LocalDate.of(2026, 3, 31);
            Clock clock = Clock.fixed(LocalDateTime.of(today, java.time.LocalTime.of(15, 0)).atZone(tokyo).toInstant(), tokyo);
            ReadModelVisitStatisticsQuery query = new ReadModelVisitStatisticsQuery(jdbi, clock);
            started = System.nanoTime();
            int built = query.prepare(CITY, LocalDate.of(2024, 4, 1), today);
            System.out.printf("read model: %d days with visits counted (two 年度 prepared) in %.0f s%n", built,
                    (System.nanoTime() - started) / 1e9);
            ShowStatisticsService statistics = new ShowStatisticsService(query,
                    new OpenPdfStatisticsReportRenderer(new PdfFonts(
                            Path.of("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"),
                            Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf"))),
                    new FolderReports(work.resolve("reports")), "みらい市", clock);
            LocalDate day = LocalDate.of(2025, 11, 12);
            for (StatisticsPeriod period : List.of(StatisticsPeriod.day(today), StatisticsPeriod.day(day),
                    StatisticsPeriod.week(day), StatisticsPeriod.month(day), StatisticsPeriod.month(today),
                    StatisticsPeriod.fiscalYear(day))) {
                long[] times = time(rounds, () -> statistics.report(new StatisticsQuery(CITY, period, true)));
                System.out.printf("  page %-44s p50 %7.1f ms  p95 %7.1f ms  (%,d visits in the period)%n", period.label(),
                        times[rounds / 2] / 1e6, times[(int) Math.ceil(rounds * 0.95) - 1] / 1e6,
                        statistics.report(new StatisticsQuery(CITY, period, false)).current().totals().visits());
            }
            for (LocalDate reportDay : List.of(today, day)) {
                long[] report = time(Math.max(3, rounds / 4), () -> statistics.writeDailyReport(CITY, reportDay));
                System.out.printf("  日報 %s PDF written to the folder            p50 %7.1f ms  max %7.1f ms%n", reportDay,
                        report[report.length / 2] / 1e6, report[report.length - 1] / 1e6);
            }
        }
        System.exit(0);
    }

    private static long[] time(int rounds, Runnable work) {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            times.add(System.nanoTime() - start);
        }
        return times.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Every weekday of 年度 2025 (April to March), {@code perDay} visits between 8:30 and 16:30: waits of 0 to 39
     * minutes, handling of 5 to 34, one in ten still at 聞き取り, one in four with a second procedure in 保険年金課.
     */
    static long aYearOfVisits(Jdbi jdbi, int perDay) {
        return jdbi.inTransaction(h -> {
            h.execute("""
                    CREATE TEMP TABLE generated ON COMMIT DROP AS
                    SELECT to_char(d, 'YYYYMMDD') || '-' || lpad(s::text, 4, '0') AS number, d::date AS day, s,
                           (ARRAY['KIOSK','COUNTER','PRE_ENTRY'])[1 + s % 3] AS channel,
                           (d + make_interval(mins => 510 + (s * 7) % 480)) AT TIME ZONE 'Asia/Tokyo' AS opened,
                           (s * 13) % 40 AS wait, 5 + (s * 11) % 30 AS handle, s % 10 <> 0 AS done
                      FROM generate_series(timestamp '2025-04-01', timestamp '2026-03-31', interval '1 day') d
                           CROSS JOIN generate_series(1, ?) s
                     WHERE extract(isodow FROM d) < 6""", perDay);
            h.execute("""
                    INSERT INTO reception (city_code, number, reception_day, serial, channel, state, department_code,
                                           department_name, opened_at, completed_at)
                    SELECT '999997', number, day, s, channel, CASE WHEN done THEN 'COMPLETED' ELSE 'HEARING' END,
                           'SHIMIN', '市民課', opened,
                           CASE WHEN done THEN opened + make_interval(mins => wait + handle) END
                      FROM generated""");
            h.execute("""
                    INSERT INTO reception_procedure (city_code, number, position, procedure_code, procedure_name,
                                                     department_code, department_name, life_event, finished_at)
                    SELECT '999997', number, 1, (ARRAY['RESIDENT_CERTIFICATE','SEAL_CERTIFICATE','MOVE_IN'])[1 + s % 3],
                           (ARRAY['住民票の写し','印鑑登録証明書','転入届'])[1 + s % 3], 'SHIMIN', '市民課',
                           (ARRAY['CERTIFICATE','CERTIFICATE','MOVE_IN'])[1 + s % 3],
                           CASE WHEN done THEN opened + make_interval(mins => wait + handle) END
                      FROM generated
                    UNION ALL
                    SELECT '999997', number, 2, 'NATIONAL_HEALTH_INSURANCE', '国民健康保険の加入', 'HOKEN', '保険年金課',
                           'MOVE_IN', CASE WHEN done THEN opened + make_interval(mins => wait + handle) END
                      FROM generated WHERE s % 4 = 0""");
            h.execute("""
                    INSERT INTO reception_timeline (city_code, number, seq, at, state, operator_id, operator_name, description)
                    SELECT '999997', number, 1, opened, 'RECEIVED', 'KIOSK-01', '記載台', '受付' FROM generated
                    UNION ALL
                    SELECT '999997', number, 2, opened + make_interval(mins => wait), 'HEARING', 'clerk' || (s % 40),
                           '窓口 ' || (s % 40), '聞き取りを開始' FROM generated
                    UNION ALL
                    SELECT '999997', number, 3, opened + make_interval(mins => wait + handle), 'COMPLETED',
                           'clerk' || (s % 40), '窓口 ' || (s % 40), '受付を完了' FROM generated WHERE done""");
            h.execute("ANALYZE reception; ANALYZE reception_procedure; ANALYZE reception_timeline");
            return h.createQuery("SELECT count(*) FROM reception").mapTo(Long.class).one();
        });
    }

    private StatisticsBenchmark() {
    }
}
