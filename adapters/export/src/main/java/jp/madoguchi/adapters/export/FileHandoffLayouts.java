package jp.madoguchi.adapters.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jp.madoguchi.application.port.out.HandoffLayouts;
import jp.madoguchi.domain.handoff.CodeLists;
import jp.madoguchi.domain.handoff.HandoffLayout;
import jp.madoguchi.domain.handoff.HandoffLayoutException;
import jp.madoguchi.domain.handoff.HandoffLayoutText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off layouts and code lists: the shipped ones ({@code layouts/*.layout}, {@code codes/*.tsv} on the class
 * path), each replaced by the city's file of the same name in its folder ({@code <data>/handoff/layouts},
 * {@code <data>/handoff/codes}), where the city may add layouts of its own. The city's files are read again when they
 * change, so an edited layout applies to the next finished visit without a restart. A broken edit is refused with its
 * line numbers and the last good layouts stay in force; at start a broken file stops the server instead.
 */
public class FileHandoffLayouts implements HandoffLayouts {

    private static final Logger LOG = LoggerFactory.getLogger(FileHandoffLayouts.class);

    private final Path cityLayouts;
    private final Path cityCodes;
    private final Set<String> fields;
    private volatile Loaded loaded;

    /** @param fields the field dictionary's keys: a column may only name one of them */
    public FileHandoffLayouts(Path cityFolder, Set<String> fields) {
        this.cityLayouts = cityFolder.resolve("layouts");
        this.cityCodes = cityFolder.resolve("codes");
        this.fields = Set.copyOf(fields);
        this.loaded = load(fingerprint());
    }

    @Override
    public List<HandoffLayout> all() {
        return current().layouts();
    }

    @Override
    public CodeLists codes() {
        return current().codes();
    }

    /** The problems of the city's files as last read (empty when they are in force). */
    public List<String> problems() {
        return current().problems();
    }

    private record Loaded(String fingerprint, List<HandoffLayout> layouts, CodeLists codes, List<String> problems) {
    }

    private Loaded current() {
        String now = fingerprint();
        Loaded last = loaded;
        if (!now.equals(last.fingerprint())) {
            synchronized (this) {
                if (!now.equals(loaded.fingerprint())) {
                    try {
                        loaded = load(now);
                        LOG.info("連携レイアウトを読み直しました（{}件）", loaded.layouts().size());
                    } catch (HandoffLayoutException e) {
                        LOG.error("市の連携レイアウトに誤りがあるため、前のレイアウトのまま出力します: {}", e.getMessage());
                        loaded = new Loaded(now, loaded.layouts(), loaded.codes(), e.problems());
                    }
                }
            }
        }
        return loaded;
    }

    private Loaded load(String fingerprint) {
        Map<String, String> codeTexts = texts("codes", cityCodes, ".tsv");
        Map<String, Map<String, String>> lists = new LinkedHashMap<>();
        codeTexts.forEach((file, text) -> lists.put(file.substring(0, file.length() - ".tsv".length()), codes(text)));
        CodeLists codes = new CodeLists(lists);
        List<HandoffLayout> layouts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        texts("layouts", cityLayouts, ".layout").forEach((file, text) -> {
            try {
                HandoffLayout layout = HandoffLayoutText.parse(text, fields, codes);
                String other = ids.putIfAbsent(layout.id(), file);
                if (other != null) {
                    problems.add(file + ": レイアウト " + layout.id() + " は " + other + " にもあります");
                } else {
                    layouts.add(layout);
                }
            } catch (HandoffLayoutException e) {
                e.problems().forEach(p -> problems.add(file + " " + p));
            }
        });
        if (!problems.isEmpty()) {
            throw new HandoffLayoutException(null, problems);
        }
        return new Loaded(fingerprint, List.copyOf(layouts), codes, List.of());
    }

    /** File name to text: the shipped files in their index order, each replaced or joined by the city's. */
    private static Map<String, String> texts(String kind, Path cityFolder, String suffix) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : shipped(kind)) {
            texts.put(name, resource(kind + "/" + name));
        }
        if (Files.isDirectory(cityFolder)) {
            try (Stream<Path> files = Files.list(cityFolder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                    texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("連携レイアウトのフォルダを読めません: " + cityFolder, e);
            }
        }
        return texts;
    }

    private static List<String> shipped(String kind) {
        return resource(kind + "/index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = FileHandoffLayouts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("出荷の連携レイアウトがありません: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> codes(String text) {
        Map<String, String> codes = new LinkedHashMap<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
            String[] parts = line.split("\t");
            if (parts.length >= 2) {
                codes.put(parts[0].strip(), parts[1].strip());
            }
        });
        return codes;
    }

    /** Names, sizes and modification times of the city's files: a change in any reloads them all. */
    private String fingerprint() {
        StringBuilder print = new StringBuilder();
        for (Path folder : List.of(cityLayouts, cityCodes)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.sorted().toList()) {
                    print.append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                            .append(Files.getLastModifiedTime(f).toMillis()).append(';');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("連携レイアウトのフォルダを読めません: " + folder, e);
            }
        }
        return print.toString();
    }
}
