package jp.madoguchi.adapters.export;

import java.util.Map;

import jp.madoguchi.application.port.out.BackOfficeExport;
import jp.madoguchi.application.port.out.ExportReceipt;
import jp.madoguchi.application.port.out.ExportRecord;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Back-office hand-off into the city's S3-compatible bucket: one object per record under a prefix per layout
 * ({@code <prefix>/<layout>/<file>.csv}), the same bytes the RPA folder gets. A single PUT is complete or absent, so
 * a reader never sees half a record; the object name is the idempotency key: a record delivered again finds its
 * object and uploads nothing.
 */
public class S3BucketExport implements BackOfficeExport {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** The city's bucket from its settings (see {@link S3Connection#connect}). */
    public static S3BucketExport connect(String url, String endpoint, String region, String accessKey, String secretKey) {
        S3Connection connection = S3Connection.connect(url, endpoint, region, accessKey, secretKey);
        return new S3BucketExport(connection.client(), connection.bucket(), connection.prefix());
    }

    public S3BucketExport(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/";
    }

    @Override
    public ExportReceipt deliver(ExportRecord record) {
        String key = prefix + record.layout() + "/" + HandoffCsv.fileName(record);
        byte[] content = HandoffCsv.content(record);
        String sha256 = HandoffCsv.sha256(content);
        String location = "s3://" + bucket + "/" + key;
        try {
            if (exists(key)) {
                return new ExportReceipt(location, sha256, true);
            }
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType("text/csv; charset=UTF-8")
                    .metadata(Map.of("sha256", sha256)).build(), RequestBody.fromBytes(content));
            return new ExportReceipt(location, sha256, false);
        } catch (SdkException e) {
            throw new IllegalStateException("連携先のバケット " + bucket + " に書き込めません（" + e.getMessage() + "）", e);
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
