package jp.madoguchi.application.port.in;

import java.nio.file.Path;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 保管した連携ファイルの復号: an imported linkage file is kept only sealed; an administrator who needs its content
 * (a question from the core system's vendor, an audit) writes it out with the data key. It is the whole registry in
 * plain text, so it is an 出力 in the access history.
 */
public interface OpenLinkageArchiveUseCase {

    /**
     * Writes the plain content of {@code sealed} to the new, owner-only file {@code plain}.
     *
     * @return the number of bytes written
     */
    long open(LocalGovernmentCode city, Path sealed, Path plain, Operator by);
}
