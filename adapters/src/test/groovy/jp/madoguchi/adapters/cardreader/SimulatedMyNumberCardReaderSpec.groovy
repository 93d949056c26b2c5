package jp.madoguchi.adapters.cardreader

import jp.madoguchi.application.port.out.CardReading
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.identity.CardPin
import jp.madoguchi.domain.resident.Sex
import spock.lang.Specification

class SimulatedMyNumberCardReaderSpec extends Specification {

    def reader = new SimulatedMyNumberCardReader(new CardFace('窓口 花子', '見本県みらい市本町一丁目1番2号', '19850401', Sex.FEMALE), '1234')

    def "正しい暗証番号で基本4情報を読める"() {
        expect:
        (reader.readCardFace(new CardPin('1234')) as CardReading.Read).face().name() == '窓口 花子'
    }

    def "暗証番号を3回間違えるとロックされ、正しい番号でも読めない"() {
        expect:
        (reader.readCardFace(new CardPin('0000')) as CardReading.Failed).triesLeft() == 2
        (reader.readCardFace(new CardPin('0000')) as CardReading.Failed).message() == '暗証番号が違います。あと1回間違えるとカードがロックされます。'
        (reader.readCardFace(new CardPin('0000')) as CardReading.Failed).reason() == CardReading.Reason.PIN_BLOCKED
        (reader.readCardFace(new CardPin('1234')) as CardReading.Failed).reason() == CardReading.Reason.PIN_BLOCKED
    }

    def "正しく入力すれば残り回数は戻る"() {
        when:
        reader.readCardFace(new CardPin('0000'))
        reader.readCardFace(new CardPin('1234'))

        then:
        (reader.readCardFace(new CardPin('0000')) as CardReading.Failed).triesLeft() == 2
    }
}
