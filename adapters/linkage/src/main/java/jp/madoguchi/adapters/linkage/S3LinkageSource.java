package jp.madoguchi.adapters.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.application.port.out.LinkageFile;
import jp.madoguchi.application.port.out.LinkageSource;
import jp.madoguchi.application.port.out.LocalCopy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Linkage files in the city's S3-compatible object storage: {@code <prefix><連携ID>/<file>}, each complete
 * once its {@code <file>.end} marker exists (unless markers are switched off for vendors that upload
 * atomically). Imported files are kept sealed with the data key as {@code <prefix>archive/<連携ID>/<file>.sealed}
 * until {@link #purgeArchive} removes them, and the plain object is deleted; refused ones move to
 * {@code <prefix>quarantine/} with an {@code .errors.txt} object.
 */
public final class S3LinkageSource implements LinkageSource {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final boolean requireMarker;
    private final FileSealing sealing;

    public S3LinkageSource(S3Client s3, String bucket, String prefix, boolean requireMarker, FileSealing sealing) {
        this.sealing = sealing;
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.requireMarker = requireMarker;
    }

    @Override
    public String description() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public List<LinkageFile> pending() {
        try {
            List<S3Object> objects = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().toList();
            Set<String> keys = new HashSet<>();
            objects.forEach(o -> keys.add(o.key()));
            return objects.stream()
                    .map(o -> file(o))
                    .flatMap(Optional::stream)
                    .filter(f -> !requireMarker || keys.contains(f.location() + FolderLinkageSource.MARKER))
                    .toList();
        } catch (S3Exception e) {
            throw new IllegalStateException("オブジェクトストレージ " + description() + " を一覧できません: " + e.awsErrorDetails().errorMessage(), e);
        }
    }

    /** Only {@code <prefix><連携ID>/<連携ID>_…csv}: archive and quarantine objects are not pending. */
    private Optional<LinkageFile> file(S3Object object) {
        String rest = object.key().substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String folder = rest.substring(0, slash);
        return LinkageFile.named(rest.substring(slash + 1), object.size(), object.key())
                .filter(f -> f.linkageId().equals(folder));
    }

    @Override
    public LocalCopy fetch(LinkageFile file) {
        try {
            Path temporary = Files.createTempFile("madoguchi-linkage-", ".csv");
            Files.delete(temporary);
            s3.getObject(b -> b.bucket(bucket).key(file.location()), ResponseTransformer.toFile(temporary));
            return new LocalCopy(temporary, true);
        } catch (IOException e) {
            throw new UncheckedIOException("一時ファイルを作れません", e);
        }
    }

    @Override
    public void archive(LinkageFile file) {
        String target = prefix + "archive/" + file.linkageId() + "/" + file.name() + FileSealing.SUFFIX;
        Path sealed = null;
        try {
            // sealed into a private temporary file first: an upload needs its length, and the plain bytes never land
            sealed = Files.createTempFile("madoguchi-archive-", FileSealing.SUFFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(file.location()));
                 OutputStream out = sealing.sealing(Files.newOutputStream(sealed))) {
                in.transferTo(out);
            }
            Path upload = sealed;
            s3.putObject(b -> b.bucket(bucket).key(target).contentType("application/octet-stream"), RequestBody.fromFile(upload));
        } catch (IOException e) {
            throw new UncheckedIOException("連携ファイルを保管できません: " + file.location(), e);
        } finally {
            deleteQuietly(sealed);
        }
        s3.deleteObject(b -> b.bucket(bucket).key(file.location()));
        s3.deleteObject(b -> b.bucket(bucket).key(file.location() + FolderLinkageSource.MARKER));
    }

    @Override
    public int purgeArchive(Instant before) {
        int purged = 0;
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + "archive/")).contents()) {
            if (object.lastModified().isBefore(before)) {
                s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
                purged++;
            }
        }
        return purged;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file of sealed bytes: harmless if it stays until the system cleans /tmp
        }
    }

    @Override
    public void quarantine(LinkageFile file, String report) {
        String target = prefix + "quarantine/" + file.linkageId() + "/" + file.name();
        moveAside(file, target);
        s3.putObject(b -> b.bucket(bucket).key(target + ".errors.txt").contentType("text/plain; charset=UTF-8"),
                RequestBody.fromString(report, StandardCharsets.UTF_8));
    }

    private void moveAside(LinkageFile file, String target) {
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(file.location()).destinationBucket(bucket).destinationKey(target));
        s3.deleteObject(b -> b.bucket(bucket).key(file.location()));
        s3.deleteObject(b -> b.bucket(bucket).key(file.location() + FolderLinkageSource.MARKER));
    }
}
