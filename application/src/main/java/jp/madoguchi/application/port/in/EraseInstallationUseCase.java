package jp.madoguchi.application.port.in;

import java.nio.file.Path;

/**
 * 消去: the installation's data destroyed once it has been handed back, and a signed certificate of what was
 * destroyed, written outside the installation.
 */
public interface EraseInstallationUseCase {

    /**
     * @param confirmation the city's 地方公共団体コード, typed by the operator as a confirmation
     * @param certificate  where the certificate goes (outside the data folder)
     * @return the certificate's fingerprint line, to be noted down
     */
    String erase(String confirmation, Path certificate);
}
