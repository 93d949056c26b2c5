package jp.madoguchi.domain.resident

import spock.lang.Specification

class IndividualNumberMaskingSpec extends Specification {

    static final String DIGITS = '614106526000'

    def "toString は個人番号を伏せる"() {
        given:
        def number = new IndividualNumber(DIGITS)

        expect:
        !number.toString().contains('6141')
        !number.toString().contains('6000')
        number.toString() == 'IndividualNumber[************]'
        number.masked() == '************'
        number.reveal() == DIGITS
    }

    def "個人番号を持つ住民を文字列にしても番号は現れない"() {
        given:
        def resident = ResidentFixture.japanese(individualNumber: new IndividualNumber(DIGITS))

        expect:
        !resident.toString().contains(DIGITS)
        resident.toString().contains('IndividualNumber[************]')
    }

    def "ログに出しても番号は現れない"() {
        given: 'a JDK logger writing to a buffer, as any logging framework formats its parameters with toString'
        def buffer = new ByteArrayOutputStream()
        def logger = java.util.logging.Logger.getAnonymousLogger()
        logger.useParentHandlers = false
        def handler = new java.util.logging.StreamHandler(buffer, new java.util.logging.SimpleFormatter())
        logger.addHandler(handler)

        when:
        logger.log(java.util.logging.Level.INFO, 'identified {0}', ResidentFixture.japanese(individualNumber: new IndividualNumber(DIGITS)))
        handler.flush()

        then:
        def logged = buffer.toString('UTF-8')
        logged.contains('identified')
        !logged.contains(DIGITS)
    }
}
