package jp.madoguchi.adapters.export.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.madoguchi.adapters.export.S3Connection;
import jp.madoguchi.application.port.out.BackupStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups in the city's S3-compatible bucket. Every file goes up as a multipart upload in 16 MiB parts: S3 shows the
 * object only when the upload is completed, so a backup cut short (a crash, a network failure) is never listed; a
 * failed upload is aborted at once, and one a killed process left behind is aborted by {@link #removeUnfinished}.
 * (A lifecycle rule "abort incomplete multipart uploads after 1 day" on the bucket does the same on the storage side.)
 */
public final class S3BackupStore implements BackupStore {

    static final int PART_SIZE = 16 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3BackupStore(S3Connection connection) {
        this.s3 = connection.client();
        this.bucket = connection.bucket();
        this.prefix = connection.prefix();
    }

    @Override
    public void write(String name, Content content) throws IOException {
        String key = prefix + name;
        String upload;
        try {
            upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        } catch (SdkException e) {
            throw new IOException("バケット " + location() + " に書き込めません（" + e.getMessage() + "）", e);
        }
        List<CompletedPart> parts = new ArrayList<>();
        try (PartsOut out = new PartsOut(key, upload, parts)) {
            content.writeTo(out);
            out.flushPart();
            if (parts.isEmpty()) {
                // an empty file is still one (empty) part
                out.upload(new byte[0], 0);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (IOException | RuntimeException e) {
            abort(key, upload);
            if (e instanceof SdkException sdk) {
                throw new IOException("バケット " + location() + " に書き込めません（" + sdk.getMessage() + "）", sdk);
            }
            throw e;
        }
    }

    private void abort(String key, String upload) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
        } catch (SdkException ignored) {
            // removeUnfinished (or the bucket's lifecycle rule) takes it away later; nothing was listed
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(prefix + name));
        } catch (SdkException e) {
            throw new IOException("バケット " + location() + " の " + name + " を読めません（" + e.getMessage() + "）", e);
        }
    }

    @Override
    public List<StoredFile> list(String namePrefix) throws IOException {
        try {
            List<StoredFile> files = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + namePrefix)).contents()) {
                files.add(new StoredFile(object.key().substring(prefix.length()), object.size(), object.lastModified()));
            }
            files.sort(Comparator.comparing(StoredFile::name));
            return files;
        } catch (SdkException e) {
            throw new IOException("バケット " + location() + " の一覧を読めません（" + e.getMessage() + "）", e);
        }
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(prefix + name));
        } catch (SdkException e) {
            throw new IOException("バケット " + location() + " の " + name + " を消せません（" + e.getMessage() + "）", e);
        }
    }

    @Override
    public void removeUnfinished(Instant before) throws IOException {
        try {
            for (MultipartUpload upload : s3.listMultipartUploads(b -> b.bucket(bucket).prefix(prefix)).uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(before)) {
                    abort(upload.key(), upload.uploadId());
                }
            }
        } catch (SdkException e) {
            throw new IOException("バケット " + location() + " の書きかけを確かめられません（" + e.getMessage() + "）", e);
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** Collects what is written into parts and uploads each as it fills. */
    private final class PartsOut extends OutputStream {

        private final String key;
        private final String upload;
        private final List<CompletedPart> parts;
        private final byte[] buffer = new byte[PART_SIZE];
        private int filled;

        PartsOut(String key, String upload, List<CompletedPart> parts) {
            this.key = key;
            this.upload = upload;
            this.parts = parts;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    flushPart();
                }
            }
        }

        void flushPart() {
            if (filled > 0) {
                upload(buffer, filled);
                filled = 0;
            }
        }

        void upload(byte[] bytes, int length) {
            int number = parts.size() + 1;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number),
                    RequestBody.fromBytes(java.util.Arrays.copyOf(bytes, length))).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }

        @Override
        public void close() {
            // the store completes or aborts the upload; closing the stream handed over is harmless
        }
    }
}
