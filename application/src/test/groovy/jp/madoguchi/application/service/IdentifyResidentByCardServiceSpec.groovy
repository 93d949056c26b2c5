package jp.madoguchi.application.service

import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.CardIdentification
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ChallengeCommand
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.IdentifyByCardCommand
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.TerminalChallenge
import jp.madoguchi.application.port.out.CardReading
import jp.madoguchi.application.port.out.TerminalCardChannel
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.LocalDate

/** カードで本人確認: 登録された端末にだけチャレンジを出し、読み取り結果の4情報で住民記録を照合する。 */
class IdentifyResidentByCardServiceSpec extends CounterFixture {

    /** The terminal channel as the sealed agent answers it: KIOSK-01 is paired, its answers name a reading. */
    Map<String, CardReading> readings = [:]
    List<Boolean> challengesForNumber = []
    TerminalCardChannel channel = new TerminalCardChannel() {
        Optional<String> challenge(LocalGovernmentCode city, String terminalId, boolean individualNumber) {
            challengesForNumber << individualNumber
            terminalId == 'KIOSK-01' ? Optional.of('challenge-' + challengesForNumber.size()) : Optional.empty()
        }

        CardReading open(LocalGovernmentCode city, String terminalId, String answer) {
            readings[answer]
        }
    }
    def identify = new IdentifyResidentByCardService(channel, new SearchResidentsService(registry, trail, clock), jp.madoguchi.domain.calendar.EraTable.shipped())

    def "個人番号は、それを使う手続（転入届）で役割が許すときだけ求める。登録のない端末には出さない"() {
        expect:
        (identify.challenge(new ChallengeCommand(CITY, 'KIOSK-01', ['MOVE_IN_NOTIFICATION'], true)) as TerminalChallenge.Issued).allowsIndividualNumber()
        !(identify.challenge(new ChallengeCommand(CITY, 'KIOSK-01', ['RESIDENT_CERTIFICATE'], true)) as TerminalChallenge.Issued).allowsIndividualNumber()
        !(identify.challenge(new ChallengeCommand(CITY, 'KIOSK-01', ['MOVE_IN_NOTIFICATION'], false)) as TerminalChallenge.Issued).allowsIndividualNumber()
        identify.challenge(new ChallengeCommand(CITY, 'KIOSK-99', ['RESIDENT_CERTIFICATE'], false)) instanceof TerminalChallenge.Refused
        challengesForNumber == [true, false, false, false]
    }

    def "読めたカードの4情報がそろって合う住民が一人なら、その人に決まる（券面の生年月日は和暦でもよい）"() {
        given:
        registry.store([resident(1, '見本　花子', 'ミホン　ハナコ', LocalDate.of(1985, 4, 1)),
                        resident(2, '見本　花子', 'ミホン　ハナコ', LocalDate.of(1990, 1, 1))])
        readings['ok'] = new CardReading.Read(new CardFace('見本 花子', '見本県みらい市本町一丁目1番2号', birth, Sex.FEMALE))

        when:
        def result = identify.identify(new IdentifyByCardCommand(CITY, 'KIOSK-01', 'ok', KIOSK)) as CardIdentification.Identified

        then:
        result.exactMatch().get().addresseeNumber() == resident(1).addresseeNumber()
        result.candidates().size() == 2

        where:
        birth << ['19850401', '昭和60年4月1日']
    }

    def "暗証番号の誤りは残り回数つきで伝え、照合はしない"() {
        given:
        readings['wrong'] = new CardReading.Failed(CardReading.Reason.WRONG_PIN, '暗証番号が違います', 2)

        when:
        def result = identify.identify(new IdentifyByCardCommand(CITY, 'KIOSK-01', 'wrong', KIOSK)) as CardIdentification.Failed

        then:
        result.triesLeft() == 2
        result.message() == '暗証番号が違います'
        trail.entries.isEmpty()
    }
}
