package jp.madoguchi.adapters.security.crypto;

import java.nio.file.Path;
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
        return decode(SecretFiles.readOrCreate(keyFile, 32), keyFile.toString());
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
