package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryStaffAccounts
import jp.madoguchi.application.fakes.InMemoryStaffSessions
import jp.madoguchi.application.fakes.SteppedOneTimePasswords
import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase.RevealOutcome
import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase.RevealRequest
import jp.madoguchi.application.port.out.AuditTrailQuery
import jp.madoguchi.application.port.out.StaffAccounts.StaffAccount
import jp.madoguchi.application.port.out.StaffSessions.StaffSession
import jp.madoguchi.application.service.RevealIndividualNumberService.RevealPolicy
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/** 個人番号の表示: 一覧の目的、手続中の受付、一定時間ごとの二要素認証、1時間の上限、監査担当への警告。 */
class RevealIndividualNumberServiceSpec extends CounterFixture {

    static final Operator MYNUMBER = Operator.staff('mynumber', '番号 三郎')
    static final String PURPOSE = '国民健康保険の資格取得'

    Instant now = Instant.parse('2026-11-22T01:00:00Z')
    Clock moving = new Clock() {
        ZoneId getZone() { ZoneId.of('Asia/Tokyo') }
        Clock withZone(ZoneId zone) { this }
        Instant instant() { now }
    }
    def accounts = new InMemoryStaffAccounts()
    def sessions = new InMemoryStaffSessions()
    def codes = new SteppedOneTimePasswords()
    AuditTrailQuery history = [countsByActor: { LocalGovernmentCode city, AuditAction action, Instant since ->
        trail.entries.findAll { it.city() == city && it.action() == action && !it.at().isBefore(since) }
                .countBy { it.actor().id() }.collectEntries { k, v -> [(k): v as Long] }
    }] as AuditTrailQuery
    def reveal = new RevealIndividualNumberService(registry, receptions, accounts, sessions, codes, trail, history,
            new RevealPolicy([PURPOSE, '児童手当の認定請求'], Duration.ofMinutes(15), 3, 5), moving)

    def setup() {
        accounts.add(new StaffAccount(CITY, 'mynumber', '番号 三郎', 'hash', ['NUMBER_CLERK'] as Set, true, 0, null,
                'SECRET-M', null, 0, 0, false))
        // logged in with the second factor at 10:00
        sessions.open(new StaffSession('s1', CITY, 'mynumber', now, now.plus(Duration.ofHours(10)), null, null, now))
    }

    RevealRequest request(String reception, String purpose = PURPOSE, String code = '', AddresseeNumber who = resident(5).addresseeNumber()) {
        new RevealRequest(CITY, who, MYNUMBER, 's1', purpose, reception, code)
    }

    def "一覧の目的と、その住民の手続中の受付があれば表示し、受付と目的を記録する"() {
        given:
        def visit = visit(['RESIDENT_CERTIFICATE'], resident(5))

        when:
        def outcome = reveal.reveal(request(visit.number().value()))

        then:
        outcome instanceof RevealOutcome.Revealed
        def entry = trail.of(AuditAction.REVEAL_INDIVIDUAL_NUMBER).last()
        entry.purpose() == "受付 ${visit.number().value()}: ${PURPOSE}".toString()
        entry.residents() == [resident(5).addresseeNumber().value()]
    }

    def "一覧にない目的、受付番号なし、他人の受付、完了した受付では表示しない"() {
        given:
        def other = visit(['RESIDENT_CERTIFICATE'], resident(6, '別人　太郎', 'ベツジン　タロウ'))
        def mine = visit(['RESIDENT_CERTIFICATE'], resident(5))

        when:
        def number = [mine: mine.number().value(), none: '', other: other.number().value(), missing: '20261122-9999'][which]
        reveal.reveal(request(number, purpose))

        then:
        def refused = thrown(Rejection)
        refused.message.contains(words)
        trail.of(AuditAction.REVEAL_INDIVIDUAL_NUMBER).isEmpty()

        where:
        which     | purpose | words
        'mine'    | '興味本位' | '一覧から選んで'
        'none'    | PURPOSE | '受付番号を入力'
        'other'   | PURPOSE | 'この住民（またはその世帯）の受付ではありません'
        'missing' | PURPOSE | '見つからないか、もう完了'
    }

    def "最後の二要素認証から15分を過ぎると確認コードを求め、正しいコードで表示し、同じコードは二度使えない"() {
        given:
        def visit = visit(['RESIDENT_CERTIFICATE'], resident(5))
        now = now.plus(Duration.ofMinutes(16))

        expect: 'asked first, nothing shown or recorded'
        reveal.reveal(request(visit.number().value())) instanceof RevealOutcome.SecondFactorRequired
        trail.of(AuditAction.REVEAL_INDIVIDUAL_NUMBER).isEmpty()

        and: 'a wrong code is asked again, and recorded as a failure'
        (reveal.reveal(request(visit.number().value(), PURPOSE, '000000')) as RevealOutcome.SecondFactorRequired).message().contains('違います')
        trail.of(AuditAction.LOGIN_FAILED).size() == 1

        when:
        def code = codes.currentCode('SECRET-M', now)
        def outcome = reveal.reveal(request(visit.number().value(), PURPOSE, code))

        then:
        outcome instanceof RevealOutcome.Revealed
        sessions.find('s1').get().secondFactorAt() == now

        when: 'ten minutes later: no code needed; twenty minutes later the used code is no good'
        now = now.plus(Duration.ofMinutes(10))
        def soon = reveal.reveal(request(visit.number().value()))
        now = now.plus(Duration.ofMinutes(10))
        def replayed = reveal.reveal(request(visit.number().value(), PURPOSE, code))

        then:
        soon instanceof RevealOutcome.Revealed
        replayed instanceof RevealOutcome.SecondFactorRequired
    }

    def "1時間に上限を超える表示は断って記録し、1日の件数が警告の件数に達した職員は監査の画面に出る"() {
        given:
        def visit = visit(['RESIDENT_CERTIFICATE'], resident(5))

        when: 'three in an hour'
        3.times { reveal.reveal(request(visit.number().value())) }
        reveal.reveal(request(visit.number().value()))

        then: 'the fourth is refused, and the refusal is in the history'
        def refused = thrown(Rejection)
        refused.message.contains('1時間に 3 件まで')
        trail.of(AuditAction.REVEAL_INDIVIDUAL_NUMBER).last().detail().contains('上限')
        reveal.alerts(CITY).isEmpty()

        when: 'an hour later, more'
        now = now.plus(Duration.ofMinutes(61))
        sessions.confirmSecondFactor('s1', now)
        reveal.reveal(request(visit.number().value()))

        then: 'five in a day: named for the auditor'
        reveal.alerts(CITY)*.actor() == ['mynumber']
        reveal.alerts(CITY)[0].reveals() == 5
    }
}
