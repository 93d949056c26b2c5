package jp.madoguchi.application.port.out;

/** Slow, salted password hashing. */
public interface PasswordHashes {

    String hash(String password);

    boolean matches(String password, String hash);

    /** Whether a stored hash was made with an older algorithm or cost and should be replaced at the next login. */
    boolean needsRehash(String hash);
}
