package jp.madoguchi.adapters.export

import org.gaul.s3proxy.AuthenticationType
import org.gaul.s3proxy.S3Proxy
import org.jclouds.ContextBuilder
import org.jclouds.blobstore.BlobStore
import org.jclouds.blobstore.BlobStoreContext
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.S3Client

import java.time.Duration

/** A real S3-compatible server (s3proxy) in this JVM, on a free port, with a client signed with its keys. */
class InProcessS3 implements AutoCloseable {

    final BlobStore blobs = ContextBuilder.newBuilder('transient').credentials('identity', 'credential')
            .build(BlobStoreContext).blobStore
    final int port = new ServerSocket(0).withCloseable { it.localPort }
    S3Proxy proxy
    final S3Client s3

    InProcessS3() {
        start()
        s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:${port}")).region(Region.US_EAST_1)
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('madoguchi', 'madoguchi-secret')))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build()
    }

    /** Starts (again, after {@link #stop}) on the same port and the same stored objects. */
    void start() {
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:${port}"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, 'madoguchi', 'madoguchi-secret').build()
        proxy.start()
        for (int i = 0; i < 100 && !proxy.state.equals('STARTED'); i++) {
            Thread.sleep(20)
        }
    }

    void stop() {
        proxy?.stop()
    }

    @Override
    void close() {
        stop()
    }
}
