package jp.madoguchi.adapters.export;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The city's S3-compatible bucket as its settings name it: {@code s3://bucket/prefix}, an endpoint for S3-compatible
 * storage (empty: AWS), the region and the keys (empty: the default credential chain).
 *
 * @param bucket the bucket's name
 * @param prefix the key prefix, empty or ending in a slash
 */
public record S3Connection(S3Client client, String bucket, String prefix) {

    public static S3Connection connect(String url, String endpoint, String region, String accessKey, String secretKey) {
        URI location = URI.create(url);
        if (!"s3".equals(location.getScheme()) || location.getHost() == null) {
            throw new IllegalArgumentException("バケットは s3://バケット名/接頭辞 の形で指定してください: " + url);
        }
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region))
                .forcePathStyle(true)
                // S3-compatible servers in city halls do not all speak the newest checksum headers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (accessKey != null && !accessKey.isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        }
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return new S3Connection(builder.build(), location.getHost(), normalized(location.getPath().replaceFirst("^/", "")));
    }

    public S3Connection {
        prefix = normalized(prefix);
    }

    private static String normalized(String prefix) {
        return prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/";
    }

    /** For messages: {@code s3://bucket/prefix}. */
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }
}
