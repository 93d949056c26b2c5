package jp.madoguchi.domain.resident

import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.calendar.WarekiDate
import spock.lang.Specification

import java.time.LocalDate

class ResidentSpec extends Specification {

    def "年齢はイベント日の満年齢"() {
        given:
        def resident = ResidentFixture.japanese(birthDate: WarekiDate.parse('平成2年4月1日', EraTable.shipped()))

        expect:
        resident.ageOn(LocalDate.of(2026, 3, 31)).asInt == 35
        resident.ageOn(LocalDate.of(2026, 4, 1)).asInt == 36
    }

    def "不詳日の住民は年齢が分からない"() {
        expect:
        ResidentFixture.japanese(birthDate: WarekiDate.parse('昭和20年頃', EraTable.shipped()))
                .ageOn(LocalDate.of(2026, 1, 1)).isEmpty()
    }

    def "外国人の生年月日は西暦、日本人は和暦で表示する"() {
        expect:
        ResidentFixture.japanese().birthDateForDisplay() == '昭和60年4月1日'
        ResidentFixture.foreign().birthDateForDisplay() == '1990年6月15日'
        ResidentFixture.foreign().nameForDisplay() == '須美須 譲'
    }

    def "日本人に通称や在留資格は記載できない"() {
        when:
        ResidentFixture.japanese(name: PersonName.of('窓口 花子', null).withAlias('まどか', null))

        then:
        def e = thrown(IllegalArgumentException)
        e.message == '通称は外国人住民だけに記載できます'

        when:
        ResidentFixture.foreign(foreignResidence: null)

        then:
        thrown(IllegalArgumentException)
    }

    def "住所コードは自分の市区町村のもの"() {
        when:
        ResidentFixture.japanese(address: new Address(new Address.AddressCode('27100001001'), null, '大阪府大阪市', null, null))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('一致しません')
    }

    def "世帯主は一人まで、世帯員は同じ世帯番号"() {
        given:
        def head = ResidentFixture.japanese()
        def child = ResidentFixture.japanese(addresseeNumber: AddresseeNumber.fromSerial('000012346'),
                relationship: Relationship.parse('子'), name: PersonName.of('窓口 一郎', 'マドグチ イチロウ'))

        expect:
        new Household(head.householdNumber(), [head, child]).head().get() == head

        when:
        new Household(head.householdNumber(), [head, ResidentFixture.japanese(addresseeNumber: AddresseeNumber.fromSerial('000012347'))])

        then:
        def twoHeads = thrown(IllegalArgumentException)
        twoHeads.message.startsWith('世帯主が2人以上います')

        when:
        new Household(HouseholdNumber.fromSerial(999, 9), [head])

        then:
        thrown(IllegalArgumentException)
    }

    def "世帯主のいない世帯も成り立つ"() {
        given:
        def member = ResidentFixture.japanese(relationship: Relationship.parse('同居人'))

        expect:
        new Household(member.householdNumber(), [member]).head().isEmpty()
    }

    def "住所は方書を全角空白で区切って表示する"() {
        expect:
        ResidentFixture.japanese().address().fullText() == '東京都千代田区千代田1番1号\u3000サンプルハイツ101'
        new Address.PostalCode('100-0001').display() == '100-0001'
    }
}
