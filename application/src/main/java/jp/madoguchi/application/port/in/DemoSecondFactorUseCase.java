package jp.madoguchi.application.port.in;

import java.util.Optional;

/**
 * The demo's published second-factor code, for the login page of a demo installation only (the secret is in the
 * README). Empty whenever the demo is off.
 */
public interface DemoSecondFactorUseCase {

    Optional<String> currentCode();
}
