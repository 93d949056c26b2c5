package jp.madoguchi.adapters.export

import jp.madoguchi.adapters.catalogue.forms.ClasspathFormCatalogue
import jp.madoguchi.domain.handoff.ColumnFormat
import jp.madoguchi.domain.handoff.FieldValue
import jp.madoguchi.domain.handoff.HandoffLayout
import jp.madoguchi.domain.handoff.HandoffLayoutException
import jp.madoguchi.domain.calendar.EraTable
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Instant
import java.time.LocalDate

/** 連携レイアウト: 出荷のレイアウトは項目辞書の項目だけを使い、市の写しはビルドし直さずに出力を変える。 */
class FileHandoffLayoutsSpec extends Specification {

    static final Set<String> FIELDS = new ClasspathFormCatalogue().dictionary().all()*.key() as Set

    @TempDir
    Path city

    def "出荷のレイアウトはどれも項目辞書の項目だけでできていて、手続ごとに記録の種類が決まる"() {
        when:
        def layouts = new FileHandoffLayouts(city, FIELDS)

        then:
        layouts.all()*.id().take(7) == ['CERTIFICATE_REQUEST', 'RESIDENT_MOVE', 'MOVE_OUT_CERTIFICATE', 'CARD_FACE', 'NHI_ENROLMENT', 'NHI_WITHDRAWAL', 'CHILD_ALLOWANCE_CLAIM']
        layouts.all().every { l -> l.columns().every { FIELDS.contains(it.field()) || it.field() == HandoffLayout.INDIVIDUAL_NUMBER } }
        with(layouts.all().find { it.id() == 'RESIDENT_MOVE' }) {
            unit() == HandoffLayout.Unit.MEMBER
            ['MOVE_IN_NOTIFICATION', 'MOVE_OUT_NOTIFICATION', 'MOVE_WITHIN_CITY_NOTIFICATION', 'HOUSEHOLD_CHANGE_NOTIFICATION']
                    .every { p -> serves(p) }
        }
        layouts.all().find { it.id() == 'CERTIFICATE_REQUEST' }.procedures() ==
                ['RESIDENT_CERTIFICATE', 'SEAL_CERTIFICATE', 'KOSEKI_CERTIFICATE', 'TAX_CERTIFICATE'] as Set
        layouts.codes().code('異動事由', '転入').get() == '01'
        layouts.codes().code('性別', '女').get() == '2'
    }

    def "ほかの担当課（保険・高齢・子育て）の手続は、どれも自分だけのレイアウトを持つ（担当課ごとの RPA に渡せる）"() {
        given:
        def layouts = new FileHandoffLayouts(city, FIELDS).all()
        def others = new jp.madoguchi.adapters.catalogue.ClasspathProcedureCatalogue().all()
                .findAll { it.department().code() in ['HOKEN', 'KOREI', 'KODOMO'] }

        expect:
        others.size() >= 20
        others.every { p -> layouts.count { it.procedures() == [p.code()] as Set } == 1 }
        layouts.find { it.id() == 'CHILD_ALLOWANCE_TERMINATION' }.header().contains('消滅の事由')
    }

    def "市の写し（列名の変更・並べ替え・別の日付書式）は、次に読むときから効く"() {
        given:
        def layouts = new FileHandoffLayouts(city, FIELDS)
        def before = layouts.all().find { it.id() == 'CERTIFICATE_REQUEST' }

        when:
        Files.createDirectories(city.resolve('layouts'))
        Files.writeString(city.resolve('layouts/CERTIFICATE_REQUEST.layout'), '''
レイアウト: CERTIFICATE_REQUEST
名称: 証明書交付（市の基幹系の形）
手続: RESIDENT_CERTIFICATE
単位: 手続ごと
列: KOFU_SU = 通数 [0埋め 3]
列: UKETSUKE_NO = 受付番号
列: SEINENGAPPI = 生年月日 [和暦]
''')
        def after = layouts.all().find { it.id() == 'CERTIFICATE_REQUEST' }

        then:
        before.header().first() == '地方公共団体コード'
        after.header() == ['KOFU_SU', 'UKETSUKE_NO', 'SEINENGAPPI']
        after.columns()[0].format().write(FieldValue.of('2'), layouts.codes(), EraTable.shipped()) == '002'
        after.columns()[2].format().write(new FieldValue('昭和60年4月1日', LocalDate.of(1985, 4, 1)), layouts.codes(),
                EraTable.shipped()) == '昭和60年4月1日'
        after.procedures() == ['RESIDENT_CERTIFICATE'] as Set
    }

    def "市の写しが壊れていれば、行番号つきで断り、前のレイアウトのまま出力を続ける。起動時なら始めない"() {
        given:
        def layouts = new FileHandoffLayouts(city, FIELDS)
        Files.createDirectories(city.resolve('layouts'))
        def broken = city.resolve('layouts/CERTIFICATE_REQUEST.layout')
        Files.writeString(broken, 'レイアウト: CERTIFICATE_REQUEST\n手続: RESIDENT_CERTIFICATE\n列: 通数 = 通数かな\n列: 範囲 = 請求の範囲 [コード 無い表]\n')

        expect:
        layouts.all().find { it.id() == 'CERTIFICATE_REQUEST' }.header().first() == '地方公共団体コード'
        layouts.problems().any { it.contains('3行目') && it.contains('通数かな') }
        layouts.problems().any { it.contains('4行目') && it.contains('無い表') }

        when:
        new FileHandoffLayouts(city, FIELDS)

        then:
        def e = thrown(HandoffLayoutException)
        e.message.contains('CERTIFICATE_REQUEST.layout')
    }

    def "市のコード表は出荷のものと置き換わる"() {
        given:
        Files.createDirectories(city.resolve('codes'))
        Files.writeString(city.resolve('codes/異動事由.tsv'), '# 市の基幹系のコード\n転入\tA1\n転出\tB2\n')

        expect:
        new FileHandoffLayouts(city, FIELDS).codes().code('異動事由', '転入').get() == 'A1'
    }
}
