package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.in.OpenLinkageArchiveUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

public final class OpenLinkageArchiveService implements OpenLinkageArchiveUseCase {

    private final FileSealing sealing;
    private final AccessRecords access;

    public OpenLinkageArchiveService(FileSealing sealing, AuditTrail trail, Clock clock) {
        this.sealing = sealing;
        this.access = new AccessRecords(trail, clock);
    }

    @Override
    public long open(LocalGovernmentCode city, Path sealed, Path plain, Operator by) {
        if (!Files.isRegularFile(sealed) || !sealed.getFileName().toString().contains(FileSealing.SUFFIX)) {
            throw new Rejection("linkage.archive-not-found", "保管ファイル（" + FileSealing.SUFFIX + "）が見つかりません: " + sealed);
        }
        if (Files.exists(plain)) {
            throw new Rejection("linkage.archive-target-exists", "出力先のファイルがすでにあります（上書きしません）: " + plain);
        }
        // written aside and renamed when whole and recorded: a plain file never appears half-written or unrecorded
        Path partial = plain.resolveSibling("." + plain.getFileName() + ".part");
        long written;
        try {
            Files.deleteIfExists(partial);
            // owner-only from the first byte
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new Rejection("linkage.archive-target-unwritable", "出力先のファイルを作れません: " + plain);
        }
        try (InputStream in = sealing.opening(Files.newInputStream(sealed));
             OutputStream out = Files.newOutputStream(partial, StandardOpenOption.WRITE)) {
            written = in.transferTo(out);
            FailPoints.reach("linkage.archive-open.mid-write");
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new Rejection("linkage.archive-unreadable", "保管ファイルを復号できません（データ鍵が違うか、ファイルが改変・切り詰められています）: "
                    + sealed.getFileName());
        }
        access.record(city, by, AuditAction.EXPORT, List.of(), "連携ファイルの保管",
                "保管ファイル " + sealed.getFileName() + " を復号して出力（" + written + " バイト）");
        try {
            Files.move(partial, plain, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(partial);
            throw new Rejection("linkage.archive-target-exists", "出力先のファイルがすでにあります（上書きしません）: " + plain);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new Rejection("linkage.archive-target-unwritable", "出力先のファイルを作れません: " + plain);
        }
        return written;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the partial plain file could not be removed: the message above already says the output failed
        }
    }
}
