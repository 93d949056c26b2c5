package jp.madoguchi.adapters.postgres

import jp.madoguchi.domain.resident.MatchKey
import jp.madoguchi.domain.resident.Resident

import java.time.LocalDate

import static jp.madoguchi.adapters.postgres.testing.Fixtures.*

class JdbiResidentRegistrySpec extends DatabaseSpecification {

    JdbiResidentRegistry registry

    def setup() {
        registry = new JdbiResidentRegistry(jdbi, jp.madoguchi.adapters.postgres.testing.Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped())
    }

    /** The replica stores no 個人番号 yet, so compare without it. */
    static Resident withoutNumber(Resident r) {
        new Resident(r.city(), r.addresseeNumber(), r.householdNumber(), r.type(), r.status(), r.name(), r.birthDate(),
                r.sex(), r.relationship(), r.headOfHouseholdName(), r.address(), r.domicile(), r.domicileHead(),
                r.foreignResidence(), null)
    }

    def "異体字セレクタ・BMP外の漢字・不詳日・外国人の通称をそのまま保存して読み戻す"() {
        given:
        def residents = [ivsResident(CITY, 101), nonBmpResident(CITY, 102), uncertainBirthResident(CITY, 103), foreignResident(CITY, 104)]

        when:
        registry.store(residents)

        then:
        residents.every { r -> registry.find(CITY, r.addresseeNumber()).get() == withoutNumber(r) }
        registry.find(CITY, residents[0].addresseeNumber()).get().name().name().getBytes('UTF-8') ==
                '葛\uDB40\uDD04西 花子'.getBytes('UTF-8')
        registry.find(CITY, residents[1].addresseeNumber()).get().name().name().codePointAt(0) == 0x20BB7
        registry.find(CITY, residents[2].addresseeNumber()).get().birthDate().format() == '昭和20年頃'
        registry.find(CITY, residents[3].addresseeNumber()).get().name().alias() == '金田 英子'
    }

    def "個人番号は暗号化して保存し、平文では残さず、住民の読み出しにも含めない"() {
        given:
        def resident = ivsResident(CITY, 201)

        when:
        registry.store([resident])

        then:
        registry.find(CITY, resident.addresseeNumber()).get().individualNumber() == null
        jdbi.withHandle { h -> h.createQuery("SELECT count(*) FROM resident WHERE resident::text LIKE '%' || :n || '%'")
                .bind('n', FIXTURE_INDIVIDUAL_NUMBER).mapTo(Long).one() } == 0
        jdbi.withHandle { h -> h.createQuery("SELECT count(*) FROM resident WHERE individual_number_sealed IS NOT NULL AND addressee_number = :a")
                .bind('a', resident.addresseeNumber().value()).mapTo(Long).one() } == 1
    }

    def "生年月日で検索でき、不詳日の住民は暦日では見つからない"() {
        given:
        registry.store([nonBmpResident(CITY, 301), uncertainBirthResident(CITY, 302)])

        expect:
        registry.bornOn(CITY, LocalDate.of(1989, 1, 8), 50)*.addresseeNumber()*.value().contains(nonBmpResident(CITY, 301).addresseeNumber().value())
        registry.bornOn(CITY, LocalDate.of(1945, 1, 1), 50).isEmpty()
    }

    def "通称を持つ外国人住民は、生年月日がなくても氏名だけ・通称だけのどちらでも候補に挙がる"() {
        given:
        def foreigner = foreignResident(CITY, 601)
        def other = ivsResident(CITY, 602)
        registry.store([foreigner, other])
        def elsewhere = LocalDate.of(1901, 1, 1)

        expect:
        registry.bornOnOrNamed(CITY, elsewhere, MatchKey.name('金田　英子'))*.addresseeNumber().contains(foreigner.addresseeNumber())
        registry.bornOnOrNamed(CITY, elsewhere, MatchKey.name('KIM YOUNGJA'))*.addresseeNumber().contains(foreigner.addresseeNumber())
        !registry.bornOnOrNamed(CITY, elsewhere, MatchKey.name('金田　英子'))*.addresseeNumber().contains(other.addresseeNumber())
        registry.bornOnOrNamed(CITY, elsewhere, MatchKey.name('金田 英')).isEmpty()
    }

    def "ほかの市の住民は見えない"() {
        given:
        registry.store([ivsResident(OTHER_CITY, 401)])

        expect:
        registry.find(OTHER_CITY, ivsResident(OTHER_CITY, 401).addresseeNumber()).isPresent()
        registry.find(CITY, ivsResident(OTHER_CITY, 401).addresseeNumber()).isEmpty()
        registry.bornOn(CITY, LocalDate.of(1985, 4, 1), 50).every { it.city() == CITY }
    }

    def "同じ住民をもう一度受け取ると置き換える"() {
        given:
        def first = ivsResident(CITY, 501)
        registry.store([first])
        def moved = new Resident(first.city(), first.addresseeNumber(), first.householdNumber(), first.type(), first.status(),
                first.name(), first.birthDate(), first.sex(), first.relationship(), first.headOfHouseholdName(),
                address(CITY).with { new jp.madoguchi.domain.resident.Address(it.code(), it.postalCode(), it.town(), '9番9号', null) },
                first.domicile(), first.domicileHead(), null, null)

        when:
        registry.store([moved])

        then:
        registry.find(CITY, first.addresseeNumber()).get().address().lot() == '9番9号'
    }
}
