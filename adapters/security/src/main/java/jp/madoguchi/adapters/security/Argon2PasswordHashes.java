package jp.madoguchi.adapters.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.PasswordHashes;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id with the OWASP cheat sheet's first configuration (19 MiB, 2 passes, 1 lane), stored in the PHC string
 * format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) that other tools read too. A hash made with other
 * costs, or an older PBKDF2 hash, still verifies and is reported as due for replacement.
 */
@Singleton
public class Argon2PasswordHashes implements PasswordHashes {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final Pbkdf2PasswordHashes legacy = new Pbkdf2PasswordHashes();

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public boolean matches(String password, String stored) {
        if (stored.startsWith("pbkdf2-sha256$")) {
            return legacy.matches(password, stored);
        }
        Matcher phc = PHC.matcher(stored);
        if (!phc.matches()) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(phc.group(4));
        byte[] expected = Base64.getDecoder().decode(phc.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public boolean needsRehash(String stored) {
        return !stored.startsWith("$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$");
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                 int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
