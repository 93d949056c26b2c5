package jp.madoguchi.application.port.out;

/** Signs a certificate's text so that a change to it afterwards shows. */
public interface CertificateSigner {

    Signed sign(byte[] text);

    /**
     * @param algorithm   e.g. Ed25519
     * @param signature   Base64
     * @param publicKey   the verifying key, Base64 (X.509 SubjectPublicKeyInfo)
     * @param fingerprint SHA-256 of the public key, hex in groups, to be noted down when the certificate is made
     */
    record Signed(String algorithm, String signature, String publicKey, String fingerprint) {
    }
}
