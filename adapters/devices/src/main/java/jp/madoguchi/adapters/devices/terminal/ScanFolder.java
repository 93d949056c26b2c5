package jp.madoguchi.adapters.devices.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jp.madoguchi.application.port.out.TwoDimensionalCodes;

/**
 * The folder a flatbed scanner or document camera saves into ("scan to folder", as most office scanners do). The
 * agent decodes the newest fresh image and deletes every image it looked at: a scanned 転出証明書 is personal data
 * and must not pile up on the PC.
 */
final class ScanFolder {

    /** Older images are a previous visitor's: never hand them to the next one. */
    static final Duration FRESH = Duration.ofMinutes(2);
    private static final List<String> IMAGES = List.of(".png", ".jpg", ".jpeg", ".bmp");

    private final Path folder;
    private final TwoDimensionalCodes codes;
    private final Clock clock;

    ScanFolder(Path folder, TwoDimensionalCodes codes, Clock clock) {
        this.folder = folder;
        this.codes = codes;
        this.clock = clock;
    }

    Map<String, Object> takeLatest() {
        Map<String, Object> answer = new LinkedHashMap<>();
        List<Path> images = images();
        Optional<Path> newest = images.stream()
                .filter(p -> modified(p).toInstant().isAfter(clock.instant().minus(FRESH)))
                .max(Comparator.comparing(ScanFolder::modified));
        try {
            if (newest.isEmpty()) {
                answer.put("ok", false);
                answer.put("message", "スキャナーから新しい画像が届いていません。転出証明書をスキャンしてから、もう一度押してください。");
                return answer;
            }
            Optional<String> text = codes.decode(Files.readAllBytes(newest.get()));
            answer.put("ok", text.isPresent());
            if (text.isPresent()) {
                answer.put("text", text.get());
            } else {
                answer.put("message", "スキャンした画像から二次元コードを見つけられませんでした。向きと汚れを確かめて、もう一度スキャンしてください。");
            }
            return answer;
        } catch (IOException | IllegalArgumentException e) {
            answer.put("ok", false);
            answer.put("message", "スキャンした画像を読めませんでした。もう一度スキャンしてください。");
            return answer;
        } finally {
            images.forEach(ScanFolder::delete);
        }
    }

    private List<Path> images() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> IMAGES.stream().anyMatch(p.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("スキャナーのフォルダを読めません: " + folder, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next look at the folder tries again; an image that cannot be deleted is never fresh for long
        }
    }
}
