package jp.madoguchi.application.port.in;

import java.nio.file.Path;

import jp.madoguchi.domain.shared.Operator;

/**
 * 契約終了時のデータ返還: everything the city owns written to a new folder in documented open formats, with a manifest
 * of checksums and the access history's verification, and recorded as an 出力.
 */
public interface HandOverDataUseCase {

    /**
     * @param folder a folder that does not exist yet or is empty
     * @return the manifest's path
     */
    Path handOver(Path folder, Operator operator);
}
