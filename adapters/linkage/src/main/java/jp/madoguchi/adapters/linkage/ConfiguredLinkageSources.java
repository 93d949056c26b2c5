package jp.madoguchi.adapters.linkage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.application.port.out.LinkageSource;
import jp.madoguchi.application.port.out.LinkageSources;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The drop folder (always) and the city's bucket (when {@code madoguchi.linkage.s3.url} is set), plus any folder
 * or {@code s3://} address an administrator names on the command line.
 */
public final class ConfiguredLinkageSources implements LinkageSources {

    /** How to reach the object storage; blank endpoint means AWS itself. */
    public record ObjectStorage(String endpoint, String region, String accessKey, String secretKey, boolean requireMarker) {
    }

    private final Path inbox;
    private final boolean folderRequiresMarker;
    private final String bucketUrl;
    private final ObjectStorage storage;
    private final FileSealing sealing;

    public ConfiguredLinkageSources(Path inbox, boolean folderRequiresMarker, String bucketUrl, ObjectStorage storage,
                                    FileSealing sealing) {
        this.sealing = sealing;
        this.inbox = inbox;
        this.folderRequiresMarker = folderRequiresMarker;
        this.bucketUrl = bucketUrl == null ? "" : bucketUrl.strip();
        this.storage = storage;
    }

    @Override
    public List<LinkageSource> configured() {
        List<LinkageSource> sources = new ArrayList<>();
        sources.add(new FolderLinkageSource(inbox, folderRequiresMarker, sealing));
        if (!bucketUrl.isEmpty()) {
            sources.add(at(bucketUrl));
        }
        return sources;
    }

    @Override
    public LinkageSource at(String location) {
        if (location.startsWith("s3://")) {
            URI uri = URI.create(location);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new IllegalArgumentException("s3:// の後にバケット名を書いてください（例 s3://linkage/madoguchi/）: " + location);
            }
            String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            return new S3LinkageSource(client(), uri.getHost(), prefix, storage.requireMarker(), sealing);
        }
        Path folder = Path.of(location);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("フォルダが見つかりません: " + folder.toAbsolutePath());
        }
        return new FolderLinkageSource(folder, folderRequiresMarker, sealing);
    }

    private S3Client client;

    /** One client for the life of the application: it pools its connections. */
    private synchronized S3Client client() {
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    private S3Client newClient() {
        AwsCredentialsProvider credentials = storage.accessKey() == null || storage.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(storage.accessKey(), storage.secretKey()));
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(storage.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                // S3-compatible servers in city halls do not all speak the newest checksum headers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (storage.endpoint() != null && !storage.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(storage.endpoint()));
        }
        return builder.build();
    }
}
