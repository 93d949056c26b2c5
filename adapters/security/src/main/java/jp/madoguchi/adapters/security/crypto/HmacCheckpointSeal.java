package jp.madoguchi.adapters.security.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.application.port.out.CheckpointSeal;

/**
 * HMAC-SHA-256 over a checkpoint's number and chain hash, under a key derived from the data key (which lives
 * outside the database, like the key that seals 個人番号).
 */
public final class HmacCheckpointSeal implements CheckpointSeal {

    private final SecretKeySpec key;

    public HmacCheckpointSeal(byte[] masterKey) {
        this.key = new SecretKeySpec(AesGcmSensitiveItems.derive(masterKey, "madoguchi/audit-checkpoint/v1"), "HmacSHA256");
    }

    @Override
    public byte[] sign(long seq, byte[] chainHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
            return mac.doFinal(chainHash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("チェックポイントに署名できません", e);
        }
    }

    @Override
    public boolean verify(long seq, byte[] chainHash, byte[] signature) {
        return MessageDigest.isEqual(sign(seq, chainHash), signature);
    }
}
