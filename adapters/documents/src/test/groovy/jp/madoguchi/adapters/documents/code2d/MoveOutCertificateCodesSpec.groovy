package jp.madoguchi.adapters.documents.code2d

import jp.madoguchi.adapters.documents.testing.DamagedCodeImages
import jp.madoguchi.application.port.out.MoveOutCertificateCodes
import jp.madoguchi.application.port.out.TwoDimensionalCodes
import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.moving.MoveOutCertificate
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification
import spock.lang.TempDir

import javax.imageio.ImageIO
import java.nio.file.Path
import java.time.LocalDate

/** 転出証明書の二次元コード: 配置ファイルどおりに読み書きし、画像・キーボード入力のどちらからでも読める。 */
class MoveOutCertificateCodesSpec extends Specification {

    static final MoveOutCertificate CERTIFICATE = new MoveOutCertificate('R8-000123', new LocalGovernmentCode('999989'),
            '葛\uDB40\uDD04西 花子', 'カサイ ハナコ', LocalDate.of(1985, 4, 1), null, Sex.FEMALE, '妻', '葛西 太郎',
            '見本県となり市旭町二丁目3番4号 旭ハイツ|201', null, LocalDate.of(2026, 11, 30), '見本県となり市旭町二丁目3番地',
            '葛西 太郎', new MoveOutCertificate.BusinessStatuses('1', '0', '0', '3', '1'))

    @TempDir
    Path folder

    def codes = new LayoutMoveOutCertificateCodes(null, EraTable.shipped())
    def zxing = new ZxingTwoDimensionalCodes()

    def "既定の配置で書いた二次元コードを、画像から読み戻すと同じ転出証明書になる（IVS と区切り文字を含む値も）"() {
        given:
        def payload = codes.write(CERTIFICATE)
        def png = zxing.qrPng(payload, 600)

        when:
        def read = codes.read(zxing.decode(png).orElseThrow())

        then:
        payload.startsWith('MOC1|R8-000123|999989|')
        read == CERTIFICATE
        read.name().codePoints().toArray() == CERTIFICATE.name().codePoints().toArray()
    }

    def "ハンディスキャナのキー入力（末尾の Enter・タブ）からも読める"() {
        expect:
        codes.read(TwoDimensionalCodes.fromKeyboardWedge(codes.write(CERTIFICATE) + '\r\n')) == CERTIFICATE
    }

    def "ベンダーの並び・区切り・和暦の証明書は、配置ファイルを書き換えるだけで読めるようになる"() {
        given: 'a vendor code: its own identifier, comma separator, 和暦 dates, items in another order and one extra item'
        def vendor = 'TENSHUTSU-V2,999989,R8-000777,カサイ ハナコ,葛西 花子,3600401,2,見本県となり市旭町二丁目3番4号,5081130,発行端末07'

        when:
        codes.read(vendor)

        then:
        def refused = thrown(MoveOutCertificateCodes.UnreadableCode)
        refused.problems()[0].contains('識別子 MOC1')

        when: 'the city writes the vendor layout into its folder'
        java.nio.file.Files.writeString(folder.resolve('move-out-certificate.layout'), '''\
            名称: 住記ベンダーV 転出証明書
            識別子: TENSHUTSU-V2
            区切り文字: ,
            日付形式: GYYMMDD
            転出元市区町村コード | 必須
            転出証明書番号 | 必須
            氏名フリガナ | 任意
            氏名 | 必須
            生年月日 | 必須
            性別 | 必須
            旧住所 | 必須
            転出予定年月日 | 任意
            発行端末 | 任意
            '''.stripIndent())
        def read = new LayoutMoveOutCertificateCodes(folder, EraTable.shipped()).read(vendor)

        then:
        read.name() == '葛西 花子'
        read.birthDate() == LocalDate.of(1985, 4, 1) // 昭和60年
        read.plannedMoveOutOn() == LocalDate.of(2026, 11, 30)
        read.sex() == Sex.FEMALE
        read.fromCity().value() == '999989'
    }

    def "壊れたコードは項目名と理由で断り、値は繰り返さない"() {
        when:
        codes.read(payload)

        then:
        def refused = thrown(MoveOutCertificateCodes.UnreadableCode)
        refused.problems().any { it.contains(words) }
        !refused.message.contains('19850432')

        where:
        payload                                               | words
        'MOC1|R8-1|999989|窓口 花子'                            | '項目の数が配置と合いません'
        'XYZ|R8-1'                                            | '識別子 MOC1'
        cells(3, '', 5, '19850401')                           | '氏名 がありません'
        cells(5, '19850432')                                  | '生年月日 が日付'
        cells(5, '19850401', 7, '7')                          | '性別は'
    }

    /** A default-layout payload of 窓口 花子 with some cells replaced (position 0 is the identifier). */
    static String cells(Object... replacements) {
        def cells = ['MOC1', 'R8-1', '999989', '窓口 花子', 'マドグチ ハナコ', '19850401', '', '2', '', '', '見本県みらい市本町1番',
                     '', '', '', '', '', '', '', '', '']
        for (int i = 0; i < replacements.length; i += 2) {
            cells[replacements[i] as int] = replacements[i + 1] as String
        }
        cells.join('|')
    }

    def "カメラ画像の傷（傾き・ぼけ・低コントラスト・反射）50枚の95%以上を読める"() {
        given:
        def payload = codes.write(CERTIFICATE)
        def images = DamagedCodeImages.set(payload, 50, 7)

        when:
        def failed = images.findAll { zxing.decode(it.image()) != Optional.of(payload) }*.description()

        then:
        images.size() == 50
        (50 - failed.size()) / 50 >= 0.95
    }

    def "画像でないものははっきり断り、コードのない画像は空で返す"() {
        when:
        zxing.decode('not an image'.bytes)

        then:
        thrown(IllegalArgumentException)

        when:
        def blank = new ByteArrayOutputStream()
        ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), 'png', blank)

        then:
        zxing.decode(blank.toByteArray()).isEmpty()
    }
}
