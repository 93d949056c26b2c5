package jp.madoguchi.adapters.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.CitizenTexts;
import jp.madoguchi.application.port.out.StaffTexts;
import jp.madoguchi.domain.language.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The citizen's texts from {@code messages/citizen_<言語>.properties} (UTF-8) next to this class, and the city's
 * files of the same name in {@code <data-dir>/messages}, whose keys replace the shipped ones. A city's file is read
 * again a few seconds after it changes: a wording is fixed without a rebuild or a restart. A city file that cannot be
 * read leaves the shipped texts in place and says so in the log; the screens never go blank. The staff pages' texts
 * ({@code /messages/staff_ja.properties} of the staff UI, Japanese only) are read and overridden the same way.
 */
@Singleton
public class MessageFiles implements CitizenTexts, StaffTexts {

    private static final Logger LOG = LoggerFactory.getLogger(MessageFiles.class);
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(5);

    private static final String STAFF_FILE = "staff_ja.properties";

    private final Map<Language, Map<String, String>> shipped = new EnumMap<>(Language.class);
    private final Map<String, String> shippedStaff;
    private volatile Map<String, String> staff;
    private final Path cityFolder;
    private final Clock clock;
    private volatile Map<Language, Map<String, String>> merged;
    private volatile Map<Language, Instant> cityVersions = Map.of();
    private volatile Instant lookedAt = Instant.MIN;

    public MessageFiles(@Property(name = "madoguchi.data-dir", defaultValue = "data") String dataDir, Clock clock) {
        this.cityFolder = Path.of(dataDir, "messages");
        this.clock = clock;
        for (Language language : Language.values()) {
            String name = "messages/citizen_" + language.code() + ".properties";
            InputStream in = MessageFiles.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("メッセージファイル " + name + " が見つかりません");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                shipped.put(language, read(reader));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.shippedStaff = readShippedStaff();
        this.merged = merge();
    }

    /** The staff UI's file, when it is on the class path (a catalogue test has none). */
    private static Map<String, String> readShippedStaff() {
        InputStream in = MessageFiles.class.getResourceAsStream("/messages/" + STAFF_FILE);
        if (in == null) {
            return Map.of();
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> staffText(String key) {
        current();
        return Optional.ofNullable(staff.get(key));
    }

    @Override
    public Optional<String> text(Language language, String key) {
        return Optional.ofNullable(current().get(language).get(key));
    }

    @Override
    public Set<String> keys(Language language) {
        return Set.copyOf(current().get(language).keySet());
    }

    @Override
    public String cityFile(Language language) {
        return cityFolder.resolve("citizen_" + language.code() + ".properties").toString();
    }

    private Map<Language, Map<String, String>> current() {
        Instant now = clock.instant();
        if (now.isAfter(lookedAt.plus(LOOK_AGAIN))) {
            lookedAt = now;
            if (!versions().equals(cityVersions)) {
                merged = merge();
            }
        }
        return merged;
    }

    /** When each city file last changed (the staff file under the key null). */
    private Map<Language, Instant> versions() {
        Map<Language, Instant> versions = new java.util.HashMap<>();
        Path staffFile = cityFolder.resolve(STAFF_FILE);
        try {
            if (Files.isRegularFile(staffFile)) {
                versions.put(null, Files.getLastModifiedTime(staffFile).toInstant());
            }
        } catch (IOException e) {
            versions.put(null, Instant.EPOCH);
        }
        for (Language language : Language.values()) {
            Path file = Path.of(cityFile(language));
            try {
                if (Files.isRegularFile(file)) {
                    versions.put(language, Files.getLastModifiedTime(file).toInstant());
                }
            } catch (IOException e) {
                versions.put(language, Instant.EPOCH);
            }
        }
        return versions;
    }

    private Map<Language, Map<String, String>> merge() {
        Map<Language, Instant> versions = versions();
        Map<Language, Map<String, String>> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<String, String> texts = new HashMap<>(shipped.get(language));
            if (versions.containsKey(language)) {
                Path file = Path.of(cityFile(language));
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    Map<String, String> city = read(reader);
                    texts.putAll(city);
                    LOG.info("市のメッセージファイル {} を読みました（{} 件）", file, city.size());
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("市のメッセージファイル {} を読めません（同梱の文言を使います）: {}", file, e.getMessage());
                }
            }
            all.put(language, Map.copyOf(texts));
        }
        Map<String, String> staffTexts = new HashMap<>(shippedStaff);
        if (versions.containsKey(null)) {
            Path file = cityFolder.resolve(STAFF_FILE);
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                staffTexts.putAll(read(reader));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("市のメッセージファイル {} を読めません（同梱の文言を使います）: {}", file, e.getMessage());
            }
        }
        staff = Map.copyOf(staffTexts);
        cityVersions = versions;
        return all;
    }

    private static Map<String, String> read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> texts = new HashMap<>();
        properties.forEach((k, v) -> texts.put(k.toString(), v.toString()));
        return texts;
    }
}
