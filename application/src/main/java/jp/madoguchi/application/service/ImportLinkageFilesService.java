package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.out.LinkageFile;
import jp.madoguchi.application.port.out.LinkageSource;
import jp.madoguchi.application.port.out.LinkageSources;
import jp.madoguchi.application.port.out.LoadOutcome;
import jp.madoguchi.application.port.out.LoadRequest;
import jp.madoguchi.application.port.out.LocalCopy;
import jp.madoguchi.application.port.out.ReplicaLoader;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.application.port.out.AuditTrail;
import java.time.Clock;

/**
 * Takes each waiting file, oldest first within its linkage ID, fingerprints it and hands it to the loader; then
 * archives what was applied (or was a repeat) and quarantines what was refused, with its report. A file the
 * loader found busy stays in place for the next round.
 */
public final class ImportLinkageFilesService implements ImportLinkageFilesUseCase {

    private final LinkageSources sources;
    private final ReplicaLoader loader;
    private final AccessRecords access;

    public ImportLinkageFilesService(LinkageSources sources, ReplicaLoader loader, AuditTrail trail, Clock clock) {
        this.sources = sources;
        this.loader = loader;
        this.access = new AccessRecords(trail, clock);
    }

    @Override
    public ImportSummary importConfigured(LocalGovernmentCode city, ImportProgress progress, Operator by) {
        List<FileResult> results = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (LinkageSource source : sources.configured()) {
            ImportSummary summary = importFrom(source, city, progress, by);
            results.addAll(summary.files());
            descriptions.add(summary.source());
        }
        return new ImportSummary(String.join(", ", descriptions), results, List.of());
    }

    @Override
    public ImportSummary importFrom(String location, LocalGovernmentCode city, ImportProgress progress, Operator by) {
        return importFrom(sources.at(location), city, progress, by);
    }

    @Override
    public java.time.Duration warmUp(int rows) {
        return loader.prepare(rows);
    }

    private ImportSummary importFrom(LinkageSource source, LocalGovernmentCode city, ImportProgress progress, Operator by) {
        List<LinkageFile> files = source.pending().stream()
                .sorted(Comparator.comparing(LinkageFile::linkageId).thenComparing(LinkageFile::stamp))
                .toList();
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            LinkageFile file = files.get(i);
            progress.fileStarted(file, i + 1, files.size());
            LoadOutcome outcome;
            LoadRequest request;
            try (LocalCopy copy = source.fetch(file)) {
                request = new LoadRequest(city, file, copy.path(), sha256(copy.path()), source.description());
                outcome = loader.load(request, bytes -> progress.bytesRead(file, bytes));
            }
            FileResult result = new FileResult(file, outcome, message(file, outcome));
            FailPoints.reach("linkage.after-load");
            if (outcome instanceof LoadOutcome.Applied || outcome instanceof LoadOutcome.Duplicate) {
                source.archive(file);
            } else if (result.refused()) {
                source.quarantine(file, report(file, outcome));
            }
            results.add(result);
            // the file's residents are too many to list: the entry names the file, its fingerprint and the counts
            access.record(city, by, AuditAction.IMPORT, List.of(), "前方連携 " + file.linkageId(),
                    result.message() + "（" + source.description() + "、SHA-256 " + request.checksum().substring(0, 16) + "…）");
            progress.fileFinished(result);
        }
        return new ImportSummary(source.description(), results, List.of());
    }

    static String message(LinkageFile file, LoadOutcome outcome) {
        if (outcome instanceof LoadOutcome.Applied a) {
            return String.format("%s: %,d 行を取り込みました（追加 %,d・変更 %,d・削除 %,d、%.1f 秒）",
                    file.name(), a.rowsRead(), a.added(), a.changed(), a.deleted(), a.took().toMillis() / 1000.0);
        }
        if (outcome instanceof LoadOutcome.Duplicate d) {
            return file.name() + ": 同じ内容のファイルを " + d.appliedAt().toLocalDate() + " に取り込み済みです。何も変更していません";
        }
        if (outcome instanceof LoadOutcome.OutOfOrder o) {
            return file.name() + ": より新しいファイル（" + o.newestApplied() + " 作成）を取り込み済みのため、この古いファイルは取り込みません";
        }
        if (outcome instanceof LoadOutcome.Rejected r) {
            return String.format("%s: %,d 件の誤りがあるため、ファイル全体を取り込みませんでした（変更なし）", file.name(), r.problemCount());
        }
        return file.name() + ": 同じ連携ID の取込が実行中のため、次回に回します";
    }

    /** The report left beside a quarantined file, for the administrator and the vendor. */
    static String report(LinkageFile file, LoadOutcome outcome) {
        StringBuilder text = new StringBuilder();
        text.append("ファイル: ").append(file.name()).append('\n');
        text.append("連携ID: ").append(file.linkageId()).append("  区分: ").append(file.kind()).append('\n');
        text.append(message(file, outcome)).append('\n');
        if (outcome instanceof LoadOutcome.Rejected rejected) {
            text.append('\n').append(rejected.report());
        }
        return text.toString();
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("連携ファイルを読めません: " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
