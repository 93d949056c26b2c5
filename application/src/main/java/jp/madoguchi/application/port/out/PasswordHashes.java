package jp.madoguchi.application.port.out;

/** Slow, salted password hashing. */
public interface PasswordHashes {

    String hash(String password);

    boolean matches(String password, String hash);
}
