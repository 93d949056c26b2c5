package jp.madoguchi.domain.resident

import spock.lang.Specification

class CodesSpec extends Specification {

    def "連携ファイルのコードを読める"() {
        expect:
        Sex.fromCode('2') == Sex.FEMALE
        ResidentType.fromCode('2') == ResidentType.FOREIGN
        ResidentStatus.fromCode('3') == ResidentStatus.DECEASED
        ResidentStatus.fromCode('3').isRemoved()
    }

    def "知らないコードは使えるコードを示して拒否する"() {
        when:
        Sex.fromCode('3')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == '性別コードは 1（男）、2（女）、9（その他） のいずれかです: 3'
    }
}
