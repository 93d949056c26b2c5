package jp.madoguchi.domain.resident

import spock.lang.Specification

import static jp.madoguchi.domain.resident.Relationship.Kinship.*

class RelationshipSpec extends Specification {

    def "標準の続柄を読める: #text"() {
        when:
        def relationship = Relationship.parse(text)

        then:
        relationship.label() == text
        relationship.chain() == chain

        where:
        text            | chain
        '世帯主'        | []
        '妻'            | [WIFE]
        '夫（未届）'    | [HUSBAND_UNREGISTERED]
        '子'            | [CHILD]
        '子の妻'        | [CHILD, WIFE]
        '子（子の夫）'  | [CHILD_HUSBAND_OF_CHILD]
        '子の子の子の子' | [CHILD, CHILD, CHILD, CHILD]
        '妻の母'        | [WIFE, MOTHER]
        '縁故者'        | []
        '同居人'        | []
    }

    def "標準でない語は使える語を示して拒否する: #text"() {
        when:
        Relationship.parse(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(hint)

        where:
        text        | hint
        '孫'        | '使える語'
        '祖父'      | '使える語'
        '子の'      | '「の」でつないで'
        '子子'      | '「の」でつないで'
        '子の子の子の子の子' | '縁故者'
    }

    def "世帯主かどうか"() {
        expect:
        Relationship.parse('世帯主').isHeadOfHousehold()
        !Relationship.parse('子').isHeadOfHousehold()
        Relationship.of(CHILD, WIFE).label() == '子の妻'
    }
}
