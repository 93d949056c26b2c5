package jp.madoguchi.adapters.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.application.port.out.SensitiveItems;

/**
 * AES-256-GCM sealing and HMAC-SHA-256 lookup keys for 個人番号, 住民票コード and 基礎年金番号, both derived from
 * one master key that lives outside the database (a key file or an environment variable). A sealed value is
 * {@code version(1) ‖ nonce(12) ‖ ciphertext+tag}, sealed under a key of its own item, so a sealed 住民票コード
 * cannot be passed off as a 個人番号, and with its {@linkplain Place place} (table, column, row) as associated data, so
 * it cannot be moved to another resident's row either.
 * <p>
 * Version 3 binds the place. Version 2 (still opened, anywhere) derived one key per item and bound nothing else;
 * version 1 (still opened) used one key and the item name as associated data.
 */
public final class AesGcmSensitiveItems implements SensitiveItems {

    private static final byte ONE_KEY_WITH_ITEM_AS_DATA = 1;
    private static final byte KEY_PER_ITEM = 2;
    private static final byte KEY_PER_ITEM_BOUND_TO_PLACE = 3;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sealingKey;
    private final byte[] itemKeyRoot;
    private final Map<String, SecretKeySpec> itemKeys = new ConcurrentHashMap<>();
    private final SecretKeySpec lookupKey;
    private final ThreadLocal<Map<String, Cipher>> sealers = ThreadLocal.withInitial(java.util.HashMap::new);
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs;
    /**
     * GCM nonces need uniqueness, not fresh randomness each time: the deterministic construction of NIST SP 800-38D
     * §8.2.1, a random fixed field per thread and a counter. A DRBG draw per seal was a quarter of the sealing time
     * in bulk imports, which seal two items per row.
     */
    private final ThreadLocal<Nonces> nonces = ThreadLocal.withInitial(Nonces::new);

    /** @param masterKey at least 32 random bytes */
    public AesGcmSensitiveItems(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("暗号鍵は32バイト以上必要です");
        }
        this.sealingKey = new SecretKeySpec(derive(masterKey, "madoguchi/seal/v1"), "AES");
        this.itemKeyRoot = derive(masterKey, "madoguchi/seal/v2");
        this.lookupKey = new SecretKeySpec(derive(masterKey, "madoguchi/lookup/v1"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> instance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return mac;
        }));
    }

    @Override
    public byte[] seal(String item, Place place, String value) {
        byte[] nonce = nonces.get().next();
        try {
            // a cipher per item and thread: AES expands its key again whenever a cipher is given another one
            Cipher cipher = sealers.get().computeIfAbsent(item, i -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
            cipher.init(Cipher.ENCRYPT_MODE, itemKey(item), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(placeBytes(place));
            byte[] plain = value.getBytes(StandardCharsets.UTF_8);
            byte[] sealed = new byte[1 + NONCE + cipher.getOutputSize(plain.length)];
            sealed[0] = KEY_PER_ITEM_BOUND_TO_PLACE;
            System.arraycopy(nonce, 0, sealed, 1, NONCE);
            cipher.doFinal(plain, 0, plain.length, sealed, 1 + NONCE);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("暗号化できません", e);
        }
    }

    @Override
    public String open(String item, Place place, byte[] sealed) {
        byte version = sealed.length < 1 + NONCE + TAG_BITS / 8 ? 0 : sealed[0];
        if (version != KEY_PER_ITEM_BOUND_TO_PLACE && version != KEY_PER_ITEM && version != ONE_KEY_WITH_ITEM_AS_DATA) {
            throw new IllegalArgumentException("暗号化された値の形式が正しくありません");
        }
        try {
            Cipher cipher = ciphers.get();
            boolean perItem = version != ONE_KEY_WITH_ITEM_AS_DATA;
            cipher.init(Cipher.DECRYPT_MODE, perItem ? itemKey(item) : sealingKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
            if (!perItem) {
                cipher.updateAAD(item.getBytes(StandardCharsets.UTF_8));
            } else if (version == KEY_PER_ITEM_BOUND_TO_PLACE) {
                cipher.updateAAD(placeBytes(place));
            }
            return new String(cipher.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // wrong key, wrong item, another place or altered bytes: never say more than that
            throw new IllegalArgumentException("暗号化された値を復号できません（鍵が違うか、値が改変されたか、別の行から移されています）");
        }
    }

    @Override
    public byte[] lookupKey(String item, String value) {
        Mac mac = macs.get();
        mac.update(item.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /** table NUL column NUL row: no part can run into the next (none holds a NUL). */
    private static byte[] placeBytes(Place place) {
        return (place.table() + '\0' + place.column() + '\0' + place.row()).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKeySpec itemKey(String item) {
        return itemKeys.computeIfAbsent(item, i -> new SecretKeySpec(derive(itemKeyRoot, i), "AES"));
    }

    static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 12-byte nonces: 8 random bytes fixed per sequence, then a 4-byte counter. After 2³² nonces the sequence takes
     * new random bytes, so a counter never repeats under one fixed field; two sequences share a fixed field with
     * odds of about n²/2⁶⁵ for n sequences ever made under the key.
     */
    static final class Nonces {
        private static final long END = 1L << 32;
        private final SecureRandom random = instance(() -> SecureRandom.getInstance("DRBG"));
        private final byte[] fixed = new byte[8];
        private long counter;

        Nonces() {
            this(END);
        }

        /** Starting at {@code counter} (a test's way to reach the end of a sequence). */
        Nonces(long counter) {
            random.nextBytes(fixed);
            this.counter = counter;
        }

        byte[] next() {
            if (counter == END) {
                random.nextBytes(fixed);
                counter = 0;
            }
            byte[] nonce = Arrays.copyOf(fixed, NONCE);
            int n = (int) counter++;
            nonce[8] = (byte) (n >>> 24);
            nonce[9] = (byte) (n >>> 16);
            nonce[10] = (byte) (n >>> 8);
            nonce[11] = (byte) n;
            return nonce;
        }
    }

    private interface Creator<T> {
        T create() throws GeneralSecurityException;
    }

    private static <T> T instance(Creator<T> creator) {
        try {
            return creator.create();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("暗号機能を初期化できません", e);
        }
    }
}
