package jp.madoguchi.acceptance.operations

import com.fasterxml.jackson.databind.ObjectMapper
import io.micronaut.context.ApplicationContext
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.application.port.in.EraseInstallationUseCase
import jp.madoguchi.application.port.in.FormsAtCounterUseCase
import jp.madoguchi.application.port.in.HandOverDataUseCase
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection
import org.jdbi.v3.core.Jdbi
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

import javax.imageio.ImageIO
import java.awt.image.BufferedImage
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.security.KeyFactory
import java.security.MessageDigest
import java.security.Signature
import java.security.spec.X509EncodedKeySpec

/**
 * 契約の終わり: the city's data handed back in open formats with a manifest of checksums, then the installation
 * erased — database, backups, archives, exports, logs, keys — with a signed certificate of what was destroyed.
 */
@Stepwise
class HandoverAndErasureAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator CLERK = Operator.staff('clerk', '窓口 一郎')

    @Shared RunningMadoguchi app = RunningMadoguchi.start(['madoguchi.database.url': ''])
    @Shared Path data = app.dataDir()
    @Shared @TempDir Path out
    @Shared List<String> numbers = []

    def "返還: 受付・回答・署名・様式・規則・職員・アクセス記録を CSV と PNG で書き出し、目録の SHA-256 が一致する"() {
        given: 'two visits for different procedures, one signed on the tablet'
        def addressee = app.bean(Jdbi).withHandle { h ->
            h.createQuery("SELECT addressee_number FROM resident WHERE city_code = '999997' AND status = '1' ORDER BY 1 LIMIT 1")
                    .mapTo(String).one()
        }
        ['RESIDENT_CERTIFICATE', 'KOSEKI_CERTIFICATE'].each { procedure ->
            numbers << app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY,
                    Channel.COUNTER, new AddresseeNumber(addressee), [procedure], CLERK)).number().value()
        }
        app.bean(FormsAtCounterUseCase).sign(CITY, jp.madoguchi.domain.reception.ReceptionNumber.parse(numbers[0]), png(), CLERK)

        when:
        def manifest = app.bean(HandOverDataUseCase).handOver(out.resolve('handover'), CLERK)
        def folder = manifest.parent
        def files = new ObjectMapper().readValue(manifest.toFile(), Map).files as List<Map>

        then: 'every file listed with the checksum of what is on the disk'
        files.every { f -> sha256(folder.resolve(f.name as String)) == f.sha256 && Files.size(folder.resolve(f.name as String)) == f.bytes }
        files*.name.containsAll(['receptions.csv', 'reception-procedures.csv', 'reception-timeline.csv', 'signatures.csv',
                                 "signatures/${numbers[0]}.png".toString(), 'forms.csv', 'procedure-rules.csv', 'staff.csv',
                                 'roles.csv', 'audit-entries.csv', 'audit-verification.txt', 'README.txt'])

        and: 'the visits with their procedures, the signature as the PNG that was given'
        def receptions = Files.readAllLines(folder.resolve('receptions.csv'))
        receptions[0].startsWith('city_code,number,')
        numbers.every { n -> receptions.any { it.startsWith("999997,${n},") } }
        def procedures = Files.readString(folder.resolve('reception-procedures.csv'))
        procedures.contains('RESIDENT_CERTIFICATE') && procedures.contains('KOSEKI_CERTIFICATE')
        ImageIO.read(folder.resolve("signatures/${numbers[0]}.png").toFile()).width == 40

        and: 'staff without credentials; the access history verified clean'
        def staff = Files.readAllLines(folder.resolve('staff.csv'))
        !staff[0].contains('password_hash') && !staff[0].contains('totp_secret')
        staff.any { it.startsWith('999997,clerk,') }
        Files.readString(folder.resolve('audit-verification.txt')).contains('結果: 改ざんはありません')
        files.find { it.name == 'audit-entries.csv' }.rows > 0

        and: 'nothing is written over an earlier handover'
        when:
        app.bean(HandOverDataUseCase).handOver(folder, CLERK)
        then:
        thrown(Rejection)
    }

    def "消去: 確認のコードが違えば何もせず、正しければ消去し、消去証明書の署名が確かめられる"() {
        given: 'a backup folder and a log exist; the server is stopped'
        Files.createDirectories(data.resolve('backups/base'))
        Files.writeString(data.resolve('backups/base/x.sealed'), 'sealed')
        app.close()
        def cli = ApplicationContext.builder().environments('cli').deduceEnvironment(false)
                .properties(['madoguchi.data-dir': data.toString()]).start()
        def erase = cli.getBean(EraseInstallationUseCase)
        def certificate = out.resolve('erasure-certificate.txt')

        when: 'the wrong city code'
        erase.erase('131001', certificate)

        then:
        thrown(Rejection)
        Files.exists(data.resolve('postgres/PG_VERSION'))
        !Files.exists(certificate)

        when:
        def fingerprint = erase.erase('999997', certificate)
        def text = Files.readString(certificate, StandardCharsets.UTF_8)

        then: 'the database, the backups, the logs and the keys are gone'
        !Files.exists(data.resolve('postgres'))
        !Files.exists(data.resolve('backups'))
        !Files.exists(data.resolve('secrets'))
        !Files.exists(data.resolve('logs'))
        text.contains("- データベース: ${data.resolve('postgres')}".toString())
        text.contains("- バックアップ: ${data.resolve('backups')}（1 ファイル、6 バイト）".toString())
        text.contains('- 鍵: ')
        text.contains('完了: ')
        !text.contains('消去中')

        and: 'the signature verifies under the key whose fingerprint was shown, and not after a change'
        def signed = text.substring(0, text.indexOf('-----署名-----\n'))
        def signatureLine = text.readLines().find { it.startsWith('署名: ') }.substring(4)
        def keyLine = text.readLines().find { it.startsWith('公開鍵: ') }.substring(5)
        text.contains("公開鍵の指紋（SHA-256）: ${fingerprint}".toString())
        verifies(signed, signatureLine, keyLine)
        !verifies(signed.replace('バックアップ', 'バツクアップ'), signatureLine, keyLine)

        cleanup:
        cli?.close()
    }

    private static boolean verifies(String text, String signature, String publicKey) {
        def key = KeyFactory.getInstance('Ed25519').generatePublic(new X509EncodedKeySpec(Base64.decoder.decode(publicKey)))
        def verifier = Signature.getInstance('Ed25519')
        verifier.initVerify(key)
        verifier.update(text.getBytes(StandardCharsets.UTF_8))
        verifier.verify(Base64.decoder.decode(signature))
    }

    private static byte[] png() {
        def image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB)
        image.createGraphics().with { drawLine(2, 10, 38, 12); dispose() }
        def bytes = new ByteArrayOutputStream()
        ImageIO.write(image, 'png', bytes)
        bytes.toByteArray()
    }

    private static String sha256(Path file) {
        MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)).encodeHex().toString()
    }
}
