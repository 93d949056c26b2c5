package jp.madoguchi.adapters.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key for sensitive items. It never goes into the database: it comes from
 * {@code MADOGUCHI_DATA_KEY} (Base64), or from a key file readable by its owner only, made on first start.
 * Back the file up apart from the database: without it the sealed items cannot be read.
 */
public final class DataKey {

    private DataKey() {
    }

    public static byte[] load(String fromEnvironment, Path keyFile) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return decode(fromEnvironment.strip(), "MADOGUCHI_DATA_KEY");
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path part = keyFile.resolveSibling(keyFile.getFileName() + ".part");
                Files.writeString(part, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
                Files.move(part, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("暗号鍵ファイルを用意できません: " + keyFile, e);
        }
    }

    private static byte[] decode(String text, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length < 32) {
                throw new IllegalArgumentException("暗号鍵（" + source + "）は32バイト以上必要です");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("暗号鍵（" + source + "）は Base64 で32バイト以上にしてください", e);
        }
    }
}
