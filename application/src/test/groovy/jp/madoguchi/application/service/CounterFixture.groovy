package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.DirectTransactions
import jp.madoguchi.application.fakes.FixedProcedureCatalogue
import jp.madoguchi.application.fakes.InMemoryReceptions
import jp.madoguchi.application.fakes.InMemoryResidentRegistry
import jp.madoguchi.application.fakes.InMemoryUnconfirmedCards
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.in.ReceptionStepCommand
import jp.madoguchi.application.port.in.StartReceptionUseCase.StartReceptionCommand
import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.calendar.WarekiDate
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.resident.Address
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.HouseholdNumber
import jp.madoguchi.domain.resident.PersonName
import jp.madoguchi.domain.resident.Relationship
import jp.madoguchi.domain.resident.Resident
import jp.madoguchi.domain.resident.ResidentStatus
import jp.madoguchi.domain.resident.ResidentType
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/** The ports of a visit at the counter, all in memory, and the helpers the counter's specs share. */
abstract class CounterFixture extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator CLERK = Operator.staff('clerk', '窓口 一郎')
    static final Operator HOKEN_CLERK = Operator.staff('hoken', '保険 二郎').serving(['HOKEN'] as Set)
    static final Operator KIOSK = Operator.kiosk('KIOSK-01')

    Clock clock = Clock.fixed(Instant.parse('2026-11-22T01:00:00Z'), ZoneId.of('Asia/Tokyo'))
    def receptions = new InMemoryReceptions()
    def registry = new InMemoryResidentRegistry()
    def cards = new InMemoryUnconfirmedCards()
    def catalogue = new FixedProcedureCatalogue()
    def trail = new RecordingAuditTrail()
    def transactions = new DirectTransactions()
    def start = new StartReceptionService(receptions, catalogue, registry, cards, transactions, clock)
    def advance = new AdvanceReceptionService(receptions, catalogue, clock)

    static Resident resident(long serial, String name = '見本　花子', String kana = 'ミホン　ハナコ',
                             LocalDate born = LocalDate.of(1985, 4, 1)) {
        new Resident(CITY, AddresseeNumber.fromSerial(serial, 9), HouseholdNumber.fromSerial(serial, 9),
                ResidentType.JAPANESE, ResidentStatus.RESIDENT, PersonName.of(name, kana),
                WarekiDate.of(born, EraTable.shipped()), Sex.FEMALE, Relationship.HEAD, name,
                new Address(new Address.AddressCode('99999001001'), new Address.PostalCode('9000101'), '見本県みらい市本町一丁目', '1番2号', null), '見本県みらい市本町一丁目1番', name, null, null)
    }

    Reception visit(List<String> procedures = ['RESIDENT_CERTIFICATE'], Resident who = null, Channel channel = Channel.KIOSK) {
        if (who != null && registry.find(CITY, who.addresseeNumber()).isEmpty()) {
            registry.store([who])
        }
        start.start(new StartReceptionCommand(CITY, channel, who?.addresseeNumber(), procedures, KIOSK))
    }

    /** The clerk's next step on the visit as stored now. */
    ReceptionStepCommand step(Reception r, Operator by = CLERK) {
        new ReceptionStepCommand(CITY, r.number(), stored(r).version(), by)
    }

    Reception stored(Reception r) {
        receptions.find(CITY, r.number()).orElseThrow()
    }

    Reception printedVisit(List<String> procedures = ['RESIDENT_CERTIFICATE'], Resident who = resident(1)) {
        def r = visit(procedures, who)
        advance.startHearing(step(r))
        advance.confirm(step(r))
        def s = stored(r)
        s.markPrinted(CLERK, clock.instant(), '申請書を印刷')
        receptions.update(s)
        stored(r)
    }
}
