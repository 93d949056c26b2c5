package jp.madoguchi.adapters.linkage;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys a FULL file has shown so far, each with the line it was first seen on: a key seen twice is the file's
 * problem. Thread-safe.
 * <p>
 * A key of 1 to 17 digits (宛名番号 and the other single-item keys) is held as a number in open-addressing tables
 * of primitives, in stripes so the checkers seldom wait for each other. A {@code ConcurrentHashMap} of a million
 * boxed entries was the largest thing the young collections of a FULL import had to copy, and no collection
 * library of primitives is on the classpath for this one table. Other keys (several items joined) go to a map.
 */
final class SeenKeys {

    private static final int STRIPES = 64;

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final ConcurrentHashMap<String, Long> others = new ConcurrentHashMap<>();

    SeenKeys() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /**
     * Records {@code key} as seen on {@code line}, unless it was seen before.
     *
     * @return the line it was first seen on, or -1 when this is the first time
     */
    long firstSeen(String key, long line) {
        long code = code(key);
        if (code == 0) {
            Long earlier = others.putIfAbsent(key, line);
            return earlier == null ? -1 : earlier;
        }
        long hash = mix(code);
        Stripe stripe = stripes[(int) (hash >>> 58)];
        synchronized (stripe) {
            return stripe.putIfAbsent(code, hash, line);
        }
    }

    /** The digits' value and their count (so 007 and 7 differ), or 0 for a key that is not 1–17 digits. */
    static long code(String key) {
        int n = key.length();
        if (n == 0 || n > 17) {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value * 18 + n;   // below 1.8 × 10¹⁸, and never 0 since n ≥ 1
    }

    /** MurmurHash3's finaliser: serial numbers differ in their last digits, and the tables want every bit mixed. */
    private static long mix(long code) {
        long h = code;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Linear probing; 0 marks a free slot; at most half full. */
    private static final class Stripe {
        private long[] codes = new long[1 << 10];
        private long[] lines = new long[1 << 10];
        private int size;

        long putIfAbsent(long code, long hash, long line) {
            int mask = codes.length - 1;
            for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
                if (codes[i] == code) {
                    return lines[i];
                }
                if (codes[i] == 0) {
                    codes[i] = code;
                    lines[i] = line;
                    if (++size > codes.length / 2) {
                        grow();
                    }
                    return -1;
                }
            }
        }

        private void grow() {
            long[] oldCodes = codes;
            long[] oldLines = lines;
            codes = new long[oldCodes.length * 2];
            lines = new long[oldLines.length * 2];
            int mask = codes.length - 1;
            for (int j = 0; j < oldCodes.length; j++) {
                if (oldCodes[j] != 0) {
                    int i = (int) mix(oldCodes[j]) & mask;
                    while (codes[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    codes[i] = oldCodes[j];
                    lines[i] = oldLines[j];
                }
            }
        }
    }
}
