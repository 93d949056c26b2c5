package jp.madoguchi.adapters.postgres.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.adapters.catalogue.forms.ClasspathFormCatalogue;
import jp.madoguchi.adapters.export.FileHandoffLayouts;
import jp.madoguchi.adapters.export.RpaFolderCsvExport;
import jp.madoguchi.adapters.export.S3BucketExport;
import jp.madoguchi.adapters.postgres.JdbiHandoffOutbox;
import jp.madoguchi.adapters.postgres.JdbiMoveIns;
import jp.madoguchi.adapters.postgres.JdbiReceptionPaperwork;
import jp.madoguchi.adapters.postgres.JdbiReceptions;
import jp.madoguchi.adapters.postgres.JdbiResidentRegistry;
import jp.madoguchi.adapters.postgres.JdbiTransactions;
import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.adapters.postgres.testing.Fixtures;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.out.BackOfficeExport;
import jp.madoguchi.application.service.CompleteReceptionService;
import jp.madoguchi.application.service.DeliverHandoffService;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * 基幹連携のベンチマーク (docs/benchmarks.md): N finished 住民票 visits (default 15,000, a year of a mid-size city).
 * First the completions, one after another as a counter does them, each timed: the visit's 完了 with its records built
 * from the field dictionary and queued in the outbox, on a fresh embedded PostgreSQL with production settings (durable
 * commits, the application's own role). Then the delivery job empties the outbox into the RPA folder and, separately,
 * into an S3-compatible bucket (s3proxy in this JVM, plain HTTP on loopback: no TLS, no network).
 * Usage: {@code HandoffBenchmark [visits]}.
 */
public final class HandoffBenchmark {

    private static final LocalGovernmentCode CITY = new LocalGovernmentCode("999997");
    private static final Operator CLERK = Operator.staff("clerk", "窓口 一郎");

    public static void main(String[] args) throws Exception {
        int visits = args.length > 0 ? Integer.parseInt(args[0].replace(",", "")) : 15_000;
        Path work = Files.createTempDirectory("madoguchi-handoff-bench-");
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        try (ManagedDatabase database = ManagedDatabase.embedded(work.resolve("postgres"), 10)) {
            Jdbi jdbi = Jdbi.create(database.dataSource()).installPlugin(new PostgresPlugin());
            Clock clock = Clock.systemDefaultZone();
            EraTable eras = EraTable.shipped();
            var registry = new JdbiResidentRegistry(jdbi, Fixtures.sensitiveItems(), eras);
            var receptions = new JdbiReceptions(jdbi);
            var paperwork = new JdbiReceptionPaperwork(jdbi);
            var catalogue = new ClasspathFormCatalogue();
            var outbox = new JdbiHandoffOutbox(jdbi);
            var layouts = new FileHandoffLayouts(work.resolve("handoff"),
                    catalogue.dictionary().all().stream().map(FieldDefinition::key).collect(Collectors.toSet()));
            var complete = new CompleteReceptionService(receptions, registry, new JdbiMoveIns(jdbi), catalogue, paperwork,
                    layouts, outbox, List.of("folder", "s3"), (value, key) -> "sealed", c -> "みらい市", Fixtures.auditTrail(jdbi),
                    new JdbiTransactions(jdbi), eras, clock);

            long t = System.nanoTime();
            List<Resident> residents = new ArrayList<>();
            for (int i = 0; i < visits; i++) {
                residents.add(Fixtures.resident(CITY, 100_000 + i, "連携　花子" + i, "レンケイ　ハナコ",
                        WarekiDate.of(LocalDate.of(1950 + i % 60, 1 + i % 12, 1 + i % 28), eras)));
            }
            registry.store(residents);
            Procedure certificate = new Procedure("RESIDENT_CERTIFICATE", "住民票の写し", new Department("SHIMIN", "市民課"),
                    LifeEvent.CERTIFICATE);
            List<ReceptionNumber> numbers = new ArrayList<>();
            for (int i = 0; i < visits; i++) {
                ReceptionNumber number = new ReceptionNumber(LocalDate.of(2026, 1, 1).plusDays(i / 60), 1 + i % 60);
                Reception r = Reception.open(CITY, number, Channel.KIOSK, residents.get(i).addresseeNumber(),
                        List.of(certificate), Operator.kiosk("KIOSK-01"), Instant.now());
                r.startHearing(CLERK, Instant.now());
                r.confirm(CLERK, Instant.now());
                r.markPrinted(CLERK, Instant.now(), "申請書を印刷");
                receptions.add(r);
                paperwork.saveAnswers(CITY, number, Map.of("通数", String.valueOf(1 + i % 3), "請求の範囲", "一部",
                        "請求者との関係", "本人"), "窓口 一郎", Instant.now());
                numbers.add(number);
            }
            System.out.printf("prepared %,d printed visits with their residents and answers in %.1f s%n", visits, seconds(t));

            long[] took = new long[visits];
            t = System.nanoTime();
            for (int i = 0; i < visits; i++) {
                ReceptionNumber number = numbers.get(i);
                long version = receptions.find(CITY, number).orElseThrow().version();
                long started = System.nanoTime();
                complete.complete(new ReceptionStepCommand(CITY, number, version, CLERK));
                took[i] = System.nanoTime() - started;
            }
            double total = seconds(t);
            Arrays.sort(took);
            System.out.printf("completed %,d visits in %.1f s: 完了 incl. records and outbox p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    visits, total, took[visits / 2] / 1e6, took[(int) (visits * 0.99)] / 1e6, took[visits - 1] / 1e6);

            // the targets, one after the other so each rate is its own
            Path folder = work.resolve("rpa");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "madoguchi", "madoguchi-secret").build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(20);
            }
            S3BucketExport bucket = S3BucketExport.connect("s3://city-handoff/madoguchi", "http://127.0.0.1:" + port,
                    "us-east-1", "madoguchi", "madoguchi-secret");
            try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .forcePathStyle(true).credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("madoguchi", "madoguchi-secret")))
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
                s3.createBucket(b -> b.bucket("city-handoff"));
            }
            for (var target : List.of(Map.<String, BackOfficeExport>of("folder", new RpaFolderCsvExport(folder)),
                    Map.<String, BackOfficeExport>of("s3", bucket))) {
                var deliver = new DeliverHandoffService(outbox, target, Fixtures.auditTrail(jdbi), clock);
                t = System.nanoTime();
                int delivered = 0;
                for (var round = deliver.deliverDue(); round.delivered() > 0 || round.failed() > 0; round = deliver.deliverDue()) {
                    delivered += round.delivered();
                    if (round.failed() > 0) {
                        throw new IllegalStateException("delivery failed during the benchmark");
                    }
                }
                double s = seconds(t);
                System.out.printf("delivered %,d records to %s in %.1f s: %,.0f records/s%n", delivered,
                        target.keySet().iterator().next(), s, delivered / s);
            }
            proxy.stop();
            try (var files = Files.list(folder)) {
                System.out.printf("RPA folder holds %,d files%n", files.count());
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
