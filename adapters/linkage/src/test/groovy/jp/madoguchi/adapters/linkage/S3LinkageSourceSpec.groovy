package jp.madoguchi.adapters.linkage

import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.adapters.linkage.layout.LinkageLayouts
import jp.madoguchi.adapters.postgres.DatabaseSpecification
import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportProgress
import jp.madoguchi.application.port.out.LoadOutcome
import jp.madoguchi.demo.SyntheticLinkageFiles
import jp.madoguchi.application.service.ImportLinkageFilesService
import jp.madoguchi.domain.shared.LocalGovernmentCode
import org.gaul.s3proxy.AuthenticationType
import org.gaul.s3proxy.S3Proxy
import org.jclouds.ContextBuilder
import org.jclouds.blobstore.BlobStoreContext
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation
import software.amazon.awssdk.core.sync.RequestBody
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.S3Client
import jp.madoguchi.adapters.security.crypto.AesGcmFileSealing
import spock.lang.Shared
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant

/** 前方連携 from S3-compatible object storage, against a real S3 server (s3proxy) running in this JVM. */
class S3LinkageSourceSpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final AesGcmFileSealing SEALING = new AesGcmFileSealing((0..<32).collect { (byte) (it * 3 + 7) } as byte[])

    @Shared S3Proxy proxy
    @Shared S3Client s3
    @Shared String endpoint
    @Shared @TempDir Path work

    def setupSpec() {
        int port = new ServerSocket(0).withCloseable { it.localPort }
        endpoint = "http://127.0.0.1:${port}"
        def blobs = ContextBuilder.newBuilder('transient').credentials('identity', 'credential').build(BlobStoreContext)
        proxy = S3Proxy.builder().blobStore(blobs.blobStore).endpoint(URI.create(endpoint))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, 'madoguchi', 'madoguchi-secret').build()
        proxy.start()
        for (int i = 0; i < 100 && !proxy.state.equals('STARTED'); i++) {
            Thread.sleep(20)
        }
        s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('madoguchi', 'madoguchi-secret')))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build()
        s3.createBucket { it.bucket('linkage') }
    }

    def cleanupSpec() {
        proxy?.stop()
    }

    def "オブジェクトストレージの連携ファイルは完了マーカー（.end）がそろってから取り込み、取込後は archive に移す"() {
        given: 'the generator writes the files; each is uploaded under <prefix><ID>/'
        def files = Files.createDirectories(work.resolve('generated'))
        SyntheticLinkageFiles.write(files, 500, 42)
        def residents = '001o005_20260401000000_FULL.csv'
        def cards = '001o013_20260401000000_FULL.csv'
        s3.putObject({ it.bucket('linkage').key("city/001o005/${residents}") }, RequestBody.fromFile(files.resolve(residents)))
        s3.putObject({ it.bucket('linkage').key("city/001o005/${residents}.end") }, RequestBody.empty())
        and: 'the card file is uploaded, but its marker is not there yet'
        s3.putObject({ it.bucket('linkage').key("city/001o013/${cards}") }, RequestBody.fromFile(files.resolve(cards)))

        def sources = new ConfiguredLinkageSources(work.resolve('inbox'), false, '',
                new ConfiguredLinkageSources.ObjectStorage(endpoint, 'us-east-1', 'madoguchi', 'madoguchi-secret', true), SEALING)
        def importer = new ImportLinkageFilesService(sources,
                new PostgresReplicaLoader(jdbi, new LinkageLayouts(null), Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped(), Clock.systemUTC(), 2),
                Fixtures.auditTrail(jdbi), Clock.systemUTC())

        when:
        def summary = importer.importFrom('s3://linkage/city/', CITY, ImportProgress.NONE, Operator.system('test-import'))

        then: 'only the complete file was imported'
        summary.files().size() == 1
        summary.files()[0].file().name() == residents
        summary.files()[0].outcome() instanceof LoadOutcome.Applied
        jdbi.withHandle { it.createQuery("SELECT count(*) FROM resident").mapTo(Long).one() } == 500

        and: 'it is kept sealed under the archive prefix, the plain object and its marker gone; the incomplete one waits'
        def keys = s3.listObjectsV2 { it.bucket('linkage').prefix('city/') }.contents()*.key().sort()
        keys.contains("city/archive/001o005/${residents}.sealed".toString())
        !keys.any { it.startsWith('city/archive/') && it.endsWith('.csv') }
        def kept = s3.getObjectAsBytes { it.bucket('linkage').key("city/archive/001o005/${residents}.sealed") }.asByteArray()
        !new String(kept, 'UTF-8').contains('宛名番号')
        SEALING.opening(new ByteArrayInputStream(kept)).readAllBytes() == Files.readAllBytes(files.resolve(residents))
        !keys.contains("city/001o005/${residents}".toString())
        !keys.contains("city/001o005/${residents}.end".toString())
        keys.contains("city/001o013/${cards}".toString())

        when: 'the marker arrives'
        s3.putObject({ it.bucket('linkage').key("city/001o013/${cards}.end") }, RequestBody.empty())
        def second = importer.importFrom('s3://linkage/city/', CITY, ImportProgress.NONE, Operator.system('test-import'))

        then:
        second.files()*.file()*.name() == [cards]
        second.files()[0].applied()
        jdbi.withHandle { it.createQuery("SELECT count(*) FROM card_status").mapTo(Long).one() } > 0
    }

    def "誤りのあるファイルは quarantine に移し、誤りの一覧を隣に置く"() {
        given:
        def sources = new ConfiguredLinkageSources(work.resolve('inbox'), false, '',
                new ConfiguredLinkageSources.ObjectStorage(endpoint, 'us-east-1', 'madoguchi', 'madoguchi-secret', false), SEALING)
        def importer = new ImportLinkageFilesService(sources,
                new PostgresReplicaLoader(jdbi, new LinkageLayouts(null), Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped(), Clock.systemUTC(), 2),
                Fixtures.auditTrail(jdbi), Clock.systemUTC())
        s3.putObject({ it.bucket('linkage').key('bad/023o002/023o002_20260401000000_FULL.csv') },
                RequestBody.fromString('宛名番号,被保険者番号\r\n12345,K1\r\n'))

        when:
        def summary = importer.importFrom('s3://linkage/bad', CITY, ImportProgress.NONE, Operator.system('test-import'))

        then:
        summary.refused() == 1
        def report = s3.getObjectAsBytes { it.bucket('linkage').key('bad/quarantine/023o002/023o002_20260401000000_FULL.csv.errors.txt') }.asUtf8String()
        report.contains('2行目「宛名番号」')
        s3.listObjectsV2 { it.bucket('linkage').prefix('bad/023o002/') }.contents().isEmpty()
    }

    def "保管期間を過ぎた保管ファイルだけを、バケットからもフォルダからも消す"() {
        given: 'one file archived in the bucket and one in the folder'
        def sources = new ConfiguredLinkageSources(work.resolve('inbox'), false, '',
                new ConfiguredLinkageSources.ObjectStorage(endpoint, 'us-east-1', 'madoguchi', 'madoguchi-secret', false), SEALING)
        s3.putObject({ it.bucket('linkage').key('kept/023o002/023o002_20260401000000_FULL.csv') }, RequestBody.fromString('宛名番号\r\n'))
        def bucket = sources.at('s3://linkage/kept/')
        bucket.archive(bucket.pending().first())
        def inbox = Files.createDirectories(work.resolve('kept-inbox'))
        Files.writeString(inbox.resolve('023o002_20260401000000_FULL.csv'), '宛名番号\r\n')
        def folder = sources.at(inbox.toString())
        folder.archive(folder.pending().first())
        def archivedFile = inbox.resolve('archive/023o002/023o002_20260401000000_FULL.csv.sealed')

        expect: 'a cut-off before they were archived keeps them'
        bucket.purgeArchive(Instant.now().minusSeconds(3600)) == 0
        folder.purgeArchive(Instant.now().minusSeconds(3600)) == 0
        Files.exists(archivedFile)

        when: 'the folder file is 31 days old, and the cut-off for the bucket is after its upload'
        Files.setLastModifiedTime(archivedFile, java.nio.file.attribute.FileTime.from(Instant.now().minus(java.time.Duration.ofDays(31))))
        def fromFolder = folder.purgeArchive(Instant.now().minus(java.time.Duration.ofDays(30)))
        def fromBucket = bucket.purgeArchive(Instant.now().plusSeconds(5))

        then:
        fromFolder == 1
        fromBucket == 1
        !Files.exists(archivedFile)
        s3.listObjectsV2 { it.bucket('linkage').prefix('kept/archive/') }.contents().isEmpty()
    }
}
