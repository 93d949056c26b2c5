package jp.madoguchi.adapters.persistence

import jp.madoguchi.adapters.catalogue.ClasspathProcedureCatalogue
import jp.madoguchi.adapters.testing.Fixtures
import jp.madoguchi.application.port.in.StartSpecialMoveInUseCase
import jp.madoguchi.application.port.in.StartSpecialMoveInUseCase.SpecialMoveIn
import jp.madoguchi.application.service.StartReceptionService
import jp.madoguchi.application.service.StartSpecialMoveInService
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.MatchKey
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

import java.time.Clock
import java.time.Instant
import java.time.ZoneId

/** 特例転入: カードの持ち主の転出証明書情報を複製から探し、転入届の受付を始める。なければ紙の転出証明書へ案内する。 */
class SpecialMoveInSpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = LocalGovernmentCode.fromFiveDigits('99998')
    static final IndividualNumber NUMBER = IndividualNumber.fromFirstElevenDigits('12345678901')
    static final CardFace CARD = new CardFace('葛西　花子', '見本県となり市旭町二丁目3番4号', '19850401', Sex.FEMALE)

    StartSpecialMoveInUseCase moveIn

    def setup() {
        def sensitive = Fixtures.sensitiveItems()
        jdbi.useHandle { h ->
            h.execute("SELECT ensure_city_partition(CAST('move_out_certificate' AS regclass), ?)", CITY.value())
            h.execute("DELETE FROM move_out_certificate WHERE city_code = ?", CITY.value())
            h.createUpdate("""INSERT INTO move_out_certificate (city_code, certificate_number, from_city_code, name, name_kana,
                    name_key, birth_date, sex, relationship, head_of_household_name, previous_address, destination_address,
                    move_out_planned_on, individual_number_sealed, individual_number_key, national_health_insurance)
                    VALUES (:city, 'R8-000123', '999989', '葛西 花子', 'カサイ ハナコ', :key, DATE '1985-04-01', '2', '妻', '葛西 太郎',
                    '見本県となり市旭町二丁目3番4号', '見本県みらい市本町一丁目1番2号', DATE '2026-11-30', :sealed, :lookup, '1')""")
                    .bind('city', CITY.value())
                    .bind('key', MatchKey.name('葛西 花子'))
                    .bind('sealed', sensitive.seal('個人番号', NUMBER.reveal()))
                    .bind('lookup', sensitive.lookupKey('個人番号', NUMBER.reveal()))
                    .execute()
        }
        def clock = Clock.fixed(Instant.parse('2026-11-22T01:00:00Z'), ZoneId.of('Asia/Tokyo'))
        moveIn = new StartSpecialMoveInService(new JdbcMoveOutCertificates(jdbi, sensitive),
                new StartReceptionService(new JdbcReceptions(jdbi), new ClasspathProcedureCatalogue(),
                        new JdbcResidentRegistry(jdbi, sensitive), clock))
    }

    def "カードの個人番号で転出証明書情報を見つけ、転入届の受付を宛名番号なしで始める"() {
        when:
        def started = moveIn.start(new StartSpecialMoveInUseCase.StartCommand(CITY, Channel.KIOSK, CARD, NUMBER, Operator.kiosk('KIOSK-01'))) as SpecialMoveIn.Started

        then:
        started.certificate().certificateNumber() == 'R8-000123'
        started.certificate().previousAddress() == '見本県となり市旭町二丁目3番4号'
        started.certificate().statuses().nationalHealthInsurance() == '1'
        started.reception().procedures()*.code() == ['MOVE_IN_NOTIFICATION']
        started.reception().resident().isEmpty()
    }

    def "個人番号を読まなかったときは氏名（空白の違いは問わない）と生年月日で見つける"() {
        expect:
        moveIn.start(new StartSpecialMoveInUseCase.StartCommand(CITY, Channel.COUNTER, CARD, null, Operator.kiosk('KIOSK-01'))) instanceof SpecialMoveIn.Started
    }

    def "見つからなければそう伝え、紙の転出証明書の道を示す"() {
        given:
        def stranger = new CardFace('窓口 太郎', '見本県となり市旭町1番', '19700101', Sex.MALE)

        when:
        def result = moveIn.start(new StartSpecialMoveInUseCase.StartCommand(CITY, Channel.KIOSK, stranger,
                IndividualNumber.fromFirstElevenDigits('99999999999'), Operator.kiosk('KIOSK-01')))

        then:
        result instanceof SpecialMoveIn.NotFound
        (result as SpecialMoveIn.NotFound).message().contains('紙の転出証明書')
    }
}
