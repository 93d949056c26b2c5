package jp.madoguchi.adapters.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Key files (the data key, the login-token key, the hand-off key): made on first start with random bytes, readable by
 * their owner only from the first byte. The file is created with mode 0600 in a folder of mode 0700 before anything is
 * written to it, and appears under its name only when complete, so no other account can read a key even for a moment
 * and a crash never leaves half a key behind.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /** The Base64 text of the key in {@code file}, made with {@code bytes} random bytes if there is none yet. */
    public static String readOrCreate(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[bytes];
                RANDOM.nextBytes(key);
                writePrivately(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("鍵ファイルを用意できません: " + file, e);
        }
    }

    /** Writes {@code text} to {@code file} readable by the owner only from the first byte (a new file, or replaced whole). */
    public static void writePrivately(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.exists(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path part = folder.resolve(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
        try {
            Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("作業ファイルがすでにあります: " + part, e);
        }
        try {
            Files.writeString(part, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
