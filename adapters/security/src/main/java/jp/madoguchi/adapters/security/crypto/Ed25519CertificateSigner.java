package jp.madoguchi.adapters.security.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

import jp.madoguchi.application.port.out.CertificateSigner;

/**
 * Signs with a key pair made for this one certificate (Ed25519): every key of the installation is being destroyed,
 * so none of them can vouch for it. The public key travels with the certificate and its fingerprint is shown once,
 * for the city to note in its own records; a later change to the text no longer verifies under that key.
 */
public final class Ed25519CertificateSigner implements CertificateSigner {

    @Override
    public Signed sign(byte[] text) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update(text);
            byte[] publicKey = pair.getPublic().getEncoded();
            String fingerprint = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
            return new Signed("Ed25519", Base64.getEncoder().encodeToString(signature.sign()),
                    Base64.getEncoder().encodeToString(publicKey), fingerprint);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("証明書に署名できません: " + e.getMessage(), e);
        }
    }
}
