package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.in.EraseInstallationUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.out.CertificateSigner;
import jp.madoguchi.application.port.out.InstallationEraser;
import jp.madoguchi.application.port.out.InstallationEraser.Item;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Erases the installation and writes the 消去証明書: what was there (surveyed before anything was touched), how each
 * was destroyed and when, signed. The certificate is written before the destruction starts and completed after, so a
 * failure half-way leaves a record of what was begun.
 */
public final class EraseInstallationService implements EraseInstallationUseCase {

    private final InstallationEraser eraser;
    private final CertificateSigner signer;
    private final Installation installation;
    private final Clock clock;

    public EraseInstallationService(InstallationEraser eraser, CertificateSigner signer, Installation installation, Clock clock) {
        this.eraser = eraser;
        this.signer = signer;
        this.installation = installation;
        this.clock = clock;
    }

    @Override
    public String erase(String confirmation, Path certificate) {
        if (!installation.city().value().equals(confirmation == null ? "" : confirmation.strip())) {
            throw new Rejection("erase.confirmation", "確認のため、この設置の地方公共団体コード（" + installation.city().value()
                    + "）を --confirm に指定してください");
        }
        try {
            List<Item> items = eraser.survey();
            StringBuilder text = new StringBuilder("""
                    消去証明書（書かない窓口 Madoguchi）
                    団体: %s（地方公共団体コード %s）
                    開始: %s
                    消去の対象:
                    """.formatted(installation.cityName(), installation.city().value(), clock.instant()));
            for (Item item : items) {
                text.append(String.format("- %s: %s（%,d ファイル、%,d バイト）方法: %s%n", item.kind(), item.where(),
                        item.files(), item.bytes(), item.method()));
            }
            Files.writeString(certificate, text + "状態: 消去中（この行が残っていれば消去は終わっていません）\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            FailPoints.reach("erase.before-destroy");
            eraser.destroy(items);
            text.append("完了: ").append(clock.instant()).append('\n')
                    .append("暗号化して保管していたもの（個人番号等、連携ファイルの保管、バックアップ）は鍵の破棄によっても読めなくなっています。\n");
            CertificateSigner.Signed signed = signer.sign(text.toString().getBytes(StandardCharsets.UTF_8));
            String signature = "-----署名-----\n方式: " + signed.algorithm() + "\n署名: " + signed.signature()
                    + "\n公開鍵: " + signed.publicKey() + "\n公開鍵の指紋（SHA-256）: " + signed.fingerprint() + "\n";
            Files.writeString(certificate, text + signature, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return signed.fingerprint();
        } catch (IOException e) {
            throw new UncheckedIOException("消去できません: " + e.getMessage(), e);
        }
    }
}
