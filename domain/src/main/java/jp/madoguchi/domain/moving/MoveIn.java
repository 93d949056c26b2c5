package jp.madoguchi.domain.moving;

import java.util.Objects;

/**
 * 転入: what a 転入届 reception is filled from — the 転出証明書 (read from its 2D code, or under 特例転入 the
 * 転出証明書情報 the former city sent) and which of the two it was.
 */
public record MoveIn(MoveInBasis basis, MoveOutCertificate certificate) {

    public MoveIn {
        Objects.requireNonNull(basis, "転入の根拠がありません");
        Objects.requireNonNull(certificate, "転出証明書の内容がありません");
    }
}
