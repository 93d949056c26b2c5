package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.MoveIns
import jp.madoguchi.domain.moving.MoveIn
import jp.madoguchi.domain.moving.MoveInBasis
import jp.madoguchi.domain.moving.MoveOutCertificate
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.LocalDate

/** What every {@link MoveIns} promises: a move-in visit keeps the 転出証明書 it was opened from, as read. */
abstract class MoveInsContract extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static int serials = 300

    abstract MoveIns moveIns()

    abstract ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number)

    ReceptionNumber number = new ReceptionNumber(LocalDate.of(2026, 11, 22), serials++)

    def setup() {
        visit(CITY, number)
    }

    def "保存した転入の根拠と転出証明書を、そのまま読み戻す"() {
        given:
        def certificate = new MoveOutCertificate('R8-000555', new LocalGovernmentCode('999989'), '見本 一郎', 'ミホン イチロウ',
                LocalDate.of(1979, 7, 7), null, Sex.MALE, '世帯主', '見本 一郎', '見本県となり市緑町5番6号',
                '見本県みらい市本町一丁目1番2号', LocalDate.of(2026, 11, 20), '見本県となり市緑町5番地', '見本 一郎',
                new MoveOutCertificate.BusinessStatuses('1', null, null, '1', null))

        when:
        moveIns().save(CITY, number, new MoveIn(MoveInBasis.PAPER_CERTIFICATE, certificate))

        then:
        with(moveIns().find(CITY, number).get()) {
            basis() == MoveInBasis.PAPER_CERTIFICATE
            it.certificate() == certificate
        }
        moveIns().find(LocalGovernmentCode.fromFiveDigits('99998'), number).isEmpty()
    }

    def "同じ世帯で転入する家族は、読み取った順に最初の人のあとへ並ぶ"() {
        given:
        def head = person('R8-000601', '家族 一郎', LocalDate.of(1980, 4, 1), Sex.MALE, '世帯主')
        def spouse = person('R8-000602', '家族 花子', LocalDate.of(1982, 5, 2), Sex.FEMALE, '妻')
        def child = person('R8-000603', '家族 太郎', LocalDate.of(2014, 6, 3), Sex.MALE, '子')
        def baby = person('R8-000604', '家族 桃子', null, Sex.FEMALE, '子')

        when:
        moveIns().save(CITY, number, new MoveIn(MoveInBasis.SPECIAL_MOVE_IN, head, [spouse]))
        moveIns().addCompanion(CITY, number, child)
        moveIns().addCompanion(CITY, number, baby)

        then:
        with(moveIns().find(CITY, number).get()) {
            basis() == MoveInBasis.SPECIAL_MOVE_IN
            it.certificate() == head
            companions() == [spouse, child, baby]
            movers()*.name() == ['家族 一郎', '家族 花子', '家族 太郎', '家族 桃子']
        }
    }

    static MoveOutCertificate person(String number, String name, LocalDate born, Sex sex, String relationship) {
        new MoveOutCertificate(number, new LocalGovernmentCode('999989'), name, null, born, born == null ? '令和8年不詳' : null,
                sex, relationship, '家族 一郎', '見本県となり市緑町5番6号', '見本県みらい市本町一丁目1番2号',
                LocalDate.of(2026, 11, 20), '見本県となり市緑町5番地', '家族 一郎', MoveOutCertificate.BusinessStatuses.NONE)
    }
}
