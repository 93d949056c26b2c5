package jp.madoguchi.staff.config;

import java.nio.file.Path;
import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.devices.cardreader.PcscCardTerminal;
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal;
import jp.madoguchi.adapters.devices.cardreader.IcCardReader;
import jp.madoguchi.adapters.devices.cardreader.VirtualMyNumberCard;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.application.port.out.MoveOutCertificateCodes;
import jp.madoguchi.adapters.documents.code2d.LayoutMoveOutCertificateCodes;
import jp.madoguchi.adapters.security.crypto.AesGcmFileSealing;
import jp.madoguchi.adapters.security.crypto.AesGcmPreEntryAnswerSeals;
import jp.madoguchi.application.port.out.PreEntryAnswerSeals;
import jp.madoguchi.adapters.security.crypto.AesGcmSensitiveItems;
import jp.madoguchi.adapters.security.crypto.DataKey;
import jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal;
import jp.madoguchi.application.port.out.CheckpointSeal;
import jp.madoguchi.adapters.linkage.ConfiguredLinkageSources;
import jp.madoguchi.adapters.linkage.JdbiImportHistory;
import jp.madoguchi.adapters.linkage.JdbiReplicaRetention;
import jp.madoguchi.adapters.linkage.PostgresReplicaLoader;
import jp.madoguchi.adapters.linkage.layout.LinkageLayouts;
import jp.madoguchi.application.port.out.ImportHistory;
import jp.madoguchi.application.port.out.LinkageSources;
import jp.madoguchi.application.port.out.ReplicaLoader;
import jp.madoguchi.application.port.out.ReplicaRetention;
import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.application.port.out.SensitiveItems;
import org.jdbi.v3.core.Jdbi;
import jp.madoguchi.adapters.documents.pdf.PdfFonts;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.domain.shared.Rejection;

/** Driven adapters that need settings to be built. */
@Factory
public class AdapterFactory {

    /**
     * The 元号 table: the shipped one (明治〜令和), or the city's copy named by {@code madoguchi.eras}
     * ({@code MADOGUCHI_ERAS}) once a new era is proclaimed. Handed to everything that reads or writes 和暦.
     */
    @Singleton
    EraTable eraTable(@Property(name = "madoguchi.eras", defaultValue = "") String file) {
        if (file.isBlank()) {
            return EraTable.shipped();
        }
        try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(Path.of(file), java.nio.charset.StandardCharsets.UTF_8)) {
            return EraTable.load(reader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("元号の表 " + file + " を読めません", e);
        }
    }

    /** The city served and its zone, from the one settings class. */
    @Singleton
    Installation installation(MadoguchiSettings settings) {
        return settings.installation();
    }

    /** City hall time (Asia/Tokyo by default), whatever the server's zone. */
    @Singleton
    Clock clock(Installation installation) {
        return Clock.system(installation.zone());
    }

    @Singleton
    PdfFonts pdfFonts(@Property(name = "madoguchi.pdf.text-font", defaultValue = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf") String textFont,
                      @Property(name = "madoguchi.pdf.name-font", defaultValue = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf") String nameFont,
                      @Property(name = "madoguchi.pdf.gothic-font", defaultValue = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf") String gothicFont) {
        return new PdfFonts(Path.of(textFont), Path.of(nameFont), Path.of(gothicFont));
    }

    /** 個人番号・住民票コード・基礎年金番号 sealing, keyed by a master key kept outside the database. */
    @Singleton
    SensitiveItems sensitiveItems(MadoguchiSettings settings,
                                  @Property(name = "madoguchi.data-key", defaultValue = "") String dataKey) {
        return new AesGcmSensitiveItems(masterKey(settings, dataKey));
    }

    /** Checkpoints of the access history are signed under the same key kept outside the database. */
    @Singleton
    CheckpointSeal checkpointSeal(MadoguchiSettings settings,
                                  @Property(name = "madoguchi.data-key", defaultValue = "") String dataKey) {
        return new HmacCheckpointSeal(masterKey(settings, dataKey));
    }

    /** Imported linkage files kept in the archive, sealed under a key derived from the same data key. */
    @Singleton
    @io.micronaut.context.annotation.Primary   // the backups' sealing is the other one, named and keyed apart
    FileSealing fileSealing(MadoguchiSettings settings,
                            @Property(name = "madoguchi.data-key", defaultValue = "") String dataKey) {
        return new AesGcmFileSealing(masterKey(settings, dataKey));
    }

    @Singleton
    PreEntryAnswerSeals preEntryAnswerSeals() {
        return new AesGcmPreEntryAnswerSeals();
    }

    private static byte[] masterKey(MadoguchiSettings settings, String dataKey) {
        String key = dataKey.isBlank() ? System.getenv().getOrDefault("MADOGUCHI_DATA_KEY", "") : dataKey;
        return DataKey.load(key, settings.dataDir().resolve("secrets").resolve("data-key"));
    }

    /** Layouts: the city's folder ({@code madoguchi.linkage.layouts}, default {@code <data>/linkage/layouts}) over the shipped ones. */
    @Singleton
    LinkageLayouts linkageLayouts(MadoguchiSettings settings,
                                  @Property(name = "madoguchi.linkage.layouts", defaultValue = "") String folder) {
        return new LinkageLayouts(folder.isBlank() ? settings.dataDir().resolve("linkage").resolve("layouts") : Path.of(folder));
    }

    @Singleton
    ReplicaLoader replicaLoader(Jdbi jdbi, LinkageLayouts layouts, SensitiveItems sensitive, EraTable eras, Clock clock,
                                @Property(name = "madoguchi.linkage.index-workers", defaultValue = "2") int indexWorkers) {
        return new PostgresReplicaLoader(jdbi, layouts, sensitive, eras, clock, indexWorkers);
    }

    @Singleton
    ImportHistory importHistory(Jdbi jdbi) {
        return new JdbiImportHistory(jdbi);
    }

    @Singleton
    ReplicaRetention replicaRetention(Jdbi jdbi, Clock clock) {
        return new JdbiReplicaRetention(jdbi, clock);
    }

    /** The drop folder ({@code madoguchi.linkage.inbox}) and, when {@code madoguchi.linkage.s3.url} is set, the city's bucket. */
    @Singleton
    LinkageSources linkageSources(MadoguchiSettings settings,
                                  @Property(name = "madoguchi.linkage.inbox", defaultValue = "") String inbox,
                                  @Property(name = "madoguchi.linkage.require-marker", defaultValue = "false") boolean folderMarker,
                                  @Property(name = "madoguchi.linkage.s3.url", defaultValue = "") String bucketUrl,
                                  @Property(name = "madoguchi.linkage.s3.endpoint", defaultValue = "") String endpoint,
                                  @Property(name = "madoguchi.linkage.s3.region", defaultValue = "ap-northeast-1") String region,
                                  @Property(name = "madoguchi.linkage.s3.access-key", defaultValue = "") String accessKey,
                                  @Property(name = "madoguchi.linkage.s3.secret-key", defaultValue = "") String secretKey,
                                  @Property(name = "madoguchi.linkage.s3.require-marker", defaultValue = "true") boolean s3Marker,
                                  FileSealing sealing) {
        Path folder = inbox.isBlank() ? settings.dataDir().resolve("linkage").resolve("inbox") : Path.of(inbox);
        return new ConfiguredLinkageSources(folder, folderMarker, bucketUrl,
                new ConfiguredLinkageSources.ObjectStorage(endpoint, region, accessKey, secretKey, s3Marker), sealing);
    }

    @Singleton
    Municipalities municipalities(MadoguchiSettings settings) {
        return city -> {
            if (!city.equals(settings.city())) {
                throw new Rejection("city.unknown", "地方公共団体コード " + city + " はこのシステムに登録されていません");
            }
            return settings.cityName();
        };
    }

    @Singleton
    @Requires(property = "madoguchi.card-reader", value = "simulator", defaultValue = "simulator")
    MyNumberCardReader simulatedCardReader(java.util.Optional<SimulatedCardTerminal> demoCard) {
        // the demo module puts the demo card on it; without the demo the simulated reader stays empty
        return new IcCardReader(demoCard.orElseGet(() -> new SimulatedCardTerminal(null)));
    }

    /** The 転出証明書 2D code layout: the city's copy in {@code <data>/code2d} replaces the shipped one. */
    @Singleton
    MoveOutCertificateCodes moveOutCertificateCodes(MadoguchiSettings settings, EraTable eras) {
        return new LayoutMoveOutCertificateCodes(settings.dataDir().resolve("code2d"), eras);
    }

    /** A real reader through PC/SC; {@code madoguchi.card-reader.name} picks one when several are connected. */
    @Singleton
    @Requires(property = "madoguchi.card-reader", value = "pcsc")
    MyNumberCardReader pcscCardReader(@Property(name = "madoguchi.card-reader-name", defaultValue = "") String readerName) {
        return new IcCardReader(new PcscCardTerminal(readerName));
    }
}
