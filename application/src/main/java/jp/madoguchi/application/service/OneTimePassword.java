package jp.madoguchi.application.service;

import java.security.SecureRandom;

/**
 * A password made for a person to type once (the first administrator's): 20 random characters from an alphabet
 * without look-alikes (no 0/O, 1/l/I), in groups of five, about 98 bits.
 */
final class OneTimePassword {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePassword() {
    }

    static String generate() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                text.append('-');
            }
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
