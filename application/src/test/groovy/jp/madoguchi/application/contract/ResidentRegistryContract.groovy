package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.ResidentRegistry
import jp.madoguchi.application.port.out.ResidentReplica
import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.calendar.WarekiDate
import jp.madoguchi.domain.resident.Address
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.HouseholdNumber
import jp.madoguchi.domain.resident.MatchKey
import jp.madoguchi.domain.resident.PersonName
import jp.madoguchi.domain.resident.Relationship
import jp.madoguchi.domain.resident.Resident
import jp.madoguchi.domain.resident.ResidentStatus
import jp.madoguchi.domain.resident.ResidentType
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.LocalDate

/**
 * What every {@link ResidentRegistry} (with its {@link ResidentReplica}) promises to the searches and the counter:
 * against the in-memory fake and the PostgreSQL replica. Each feature uses a city of its own.
 */
abstract class ResidentRegistryContract extends Specification {

    static int cities = 0

    abstract ResidentRegistry registry()

    abstract ResidentReplica replica()

    LocalGovernmentCode city = LocalGovernmentCode.fromFiveDigits(String.valueOf(98000 + (cities++)))

    Resident resident(long serial, String name, String kana, LocalDate born, long household = serial) {
        new Resident(city, AddresseeNumber.fromSerial(serial, 9), HouseholdNumber.fromSerial(household, 9),
                ResidentType.JAPANESE, ResidentStatus.RESIDENT, PersonName.of(name, kana),
                WarekiDate.of(born, EraTable.shipped()), Sex.FEMALE, serial == household ? Relationship.HEAD : Relationship.of(Relationship.Kinship.CHILD),
                '見本　花子', new Address(new Address.AddressCode(city.value().substring(0, 5) + '001001'),
                new Address.PostalCode('9000101'), '見本県みらい市本町一丁目', '1番2号', null),
                '見本県みらい市本町一丁目1番', '見本　花子', null, null)
    }

    def "入れた住民を宛名番号で読み戻し、市ごとに数える"() {
        given:
        def a = resident(1, '見本　花子', 'ミホン　ハナコ', LocalDate.of(1985, 4, 1))

        when:
        replica().store([a])

        then:
        registry().find(city, a.addresseeNumber()).get() == a
        registry().find(city, AddresseeNumber.fromSerial(2, 9)).isEmpty()
        replica().count(city) == 1
    }

    def "在留カード番号で外国人住民を探す（日本人・他の市・知らない番号は見つからない）"() {
        given:
        def japanese = resident(1, '見本　花子', 'ミホン　ハナコ', LocalDate.of(1985, 4, 1))
        def foreign = foreigner(2, 'AB12345678CD')
        replica().store([japanese, foreign, foreigner(3, 'AB87654321CD')])

        expect:
        registry().byResidenceCardNumber(city, 'AB12345678CD').get() == foreign
        registry().byResidenceCardNumber(city, 'ZZ00000000ZZ').isEmpty()
        registry().byResidenceCardNumber(LocalGovernmentCode.fromFiveDigits('97999'), 'AB12345678CD').isEmpty()
    }

    Resident foreigner(long serial, String card) {
        def r = resident(serial, 'SMITH　JOHN', 'スミス　ジョン', LocalDate.of(1990, 1, 2))
        new Resident(r.city(), r.addresseeNumber(), r.householdNumber(), ResidentType.FOREIGN, r.status(), r.name(),
                r.birthDate(), r.sex(), r.relationship(), r.headOfHouseholdName(), r.address(), null, null,
                new jp.madoguchi.domain.resident.ForeignResidence('英国', '永住者', null, card, '1'), null)
    }

    def "フリガナは前方一致と部分一致で、フリガナの順に返す"() {
        given:
        replica().store([resident(3, '見本　次郎', 'ミホン　ジロウ', LocalDate.of(1990, 1, 1)),
                         resident(4, '見本　一郎', 'ミホン　イチロウ', LocalDate.of(1980, 1, 1)),
                         resident(5, '葛西　次郎', 'カサイ　ジロウ', LocalDate.of(1970, 1, 1))])

        expect:
        registry().byKanaKey(city, MatchKey.kana('ミホン'), true, 10)*.name()*.name() == ['見本　一郎', '見本　次郎']
        registry().byKanaKey(city, MatchKey.kana('ジロウ'), false, 10)*.name()*.name() as Set == ['見本　次郎', '葛西　次郎'] as Set
        registry().byKanaKey(city, MatchKey.kana('ジロウ'), true, 10).isEmpty()
        registry().byKanaKey(city, MatchKey.kana('ミホン'), true, 1).size() == 1
    }

    def "生年月日と、生年月日または氏名で探す。世帯の全員を返す"() {
        given:
        replica().store([resident(6, '見本　花子', 'ミホン　ハナコ', LocalDate.of(1985, 4, 1)),
                         resident(7, '見本　花', 'ミホン　ハナ', LocalDate.of(2018, 6, 1), 6),
                         resident(8, '別人　花子', 'ベツジン　ハナコ', LocalDate.of(1985, 4, 1))])

        expect:
        registry().bornOn(city, LocalDate.of(1985, 4, 1), 10)*.addresseeNumber()*.value() as Set ==
                [6L, 8L].collect { AddresseeNumber.fromSerial(it, 9).value() } as Set
        registry().bornOnOrNamed(city, LocalDate.of(2000, 1, 1), MatchKey.name('見本　花'))*.name()*.name() == ['見本　花']
        registry().householdMembers(city, HouseholdNumber.fromSerial(6, 9))*.name()*.name() as Set == ['見本　花子', '見本　花'] as Set
    }
}
