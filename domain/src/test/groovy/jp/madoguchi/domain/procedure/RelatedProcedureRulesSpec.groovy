package jp.madoguchi.domain.procedure

import spock.lang.Specification

import java.time.LocalDate

class RelatedProcedureRulesSpec extends Specification {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22)

    static final String LATE_ELDERLY = '''
        規則: LATE_ELDERLY
        手続: LATE_ELDERLY_ENROLMENT
        ライフイベント: 転入
        対象: 世帯員
        条件: 年齢 >= 75
        理由: 75歳以上の方は後期高齢者医療に入るため
        理由(en): Members aged 75 or over join
        '''

    static MemberFacts member(String name, LocalDate born, Map<Fact, String> facts = [:]) {
        new MemberFacts(name, name, born, facts)
    }

    static EventFacts moveIn(List<MemberFacts> members, Map<String, String> answers = [:]) {
        new EventFacts(LifeEvent.MOVE_IN, '国内', DAY, members, answers)
    }

    def "年齢は異動日の満年齢で判定し、誕生日の前日まではひとつ下"() {
        given:
        def rules = RelatedProcedureRules.of(ProcedureRuleText.parseAll(LATE_ELDERLY, DAY))

        expect:
        rules.determine(moveIn([member('七十五歳', LocalDate.of(1951, 11, 22))]))*.memberName() == ['七十五歳']
        rules.determine(moveIn([member('前日まで74歳', LocalDate.of(1951, 11, 23))])).isEmpty()
    }

    def "生年月日が不詳の世帯員には年齢の条件が当てはまらない（!= でも当てはめない）"() {
        given:
        def rules = RelatedProcedureRules.of(ProcedureRuleText.parseAll('''
            規則: ANY_AGE
            手続: X_PROCEDURE
            ライフイベント: 転入
            条件: 年齢 != 200
            理由: 年齢がわかる方
            ''', DAY))

        expect:
        rules.determine(moveIn([member('不詳', null), member('わかる', LocalDate.of(1990, 1, 1))]))*.memberName() == ['わかる']
    }

    def "学齢は4月2日生まれから翌年4月1日生まれまでが同じ学年になる"() {
        expect:
        member('x', born).value(Fact.SCHOOL_STAGE, day) == stage

        where:
        born                       | day                       || stage
        LocalDate.of(2020, 4, 1)   | LocalDate.of(2026, 4, 1)  || '小学生'
        LocalDate.of(2020, 4, 2)   | LocalDate.of(2026, 4, 1)  || '未就学'
        LocalDate.of(2020, 4, 2)   | LocalDate.of(2027, 3, 31) || '未就学'
        LocalDate.of(2020, 4, 2)   | LocalDate.of(2027, 4, 1)  || '小学生'
        LocalDate.of(2014, 4, 2)   | LocalDate.of(2026, 11, 22) || '小学生'
        LocalDate.of(2014, 4, 1)   | LocalDate.of(2026, 11, 22) || '中学生'
        LocalDate.of(2011, 4, 1)   | LocalDate.of(2026, 11, 22) || '高校生相当'
        LocalDate.of(2008, 4, 1)   | LocalDate.of(2026, 11, 22) || 'それ以上'
    }

    def "世帯が対象の規則は、条件に合う世帯員が一人でもいれば世帯に1件だけ提案する"() {
        given:
        def rules = RelatedProcedureRules.of(ProcedureRuleText.parseAll('''
            規則: CHILDREN
            手続: CHILD_ALLOWANCE_CLAIM
            ライフイベント: 転入
            対象: 世帯
            条件: 学齢 = 未就学, 小学生, 中学生, 高校生相当
            理由: 世帯に高校生年代までのお子さんがいるため
            ''', DAY))
        def parent = member('親', LocalDate.of(1990, 1, 1))

        expect:
        rules.determine(moveIn([parent, member('子1', LocalDate.of(2018, 5, 1)), member('子2', LocalDate.of(2020, 5, 1))]))
                .collect { [it.procedureCode(), it.forHousehold()] } == [['CHILD_ALLOWANCE_CLAIM', true]]
        rules.determine(moveIn([parent])).isEmpty()
    }

    def "外国人・回答・種類の条件がすべて満たされるときだけ提案する"() {
        given:
        def rules = RelatedProcedureRules.of(ProcedureRuleText.parseAll('''
            規則: FOREIGN_FROM_ABROAD
            手続: PENSION_ENROLMENT
            ライフイベント: 転入
            種類: 国外から
            対象: 世帯員
            条件: 外国人 = はい
            条件: 回答.職場の健康保険 = なし, 一部
            理由: 国外から転入した外国人住民の方
            ''', DAY))
        def foreign = member('外国人', LocalDate.of(1995, 1, 1), [(Fact.FOREIGN): 'はい'])
        def japanese = member('日本人', LocalDate.of(1995, 1, 1))

        expect:
        rules.determine(new EventFacts(LifeEvent.MOVE_IN, '国外から', DAY, [foreign, japanese], [職場の健康保険: '一部']))*.memberName() == ['外国人']
        rules.determine(new EventFacts(LifeEvent.MOVE_IN, '国内', DAY, [foreign], [職場の健康保険: 'なし'])).isEmpty()
        rules.determine(new EventFacts(LifeEvent.MOVE_IN, '国外から', DAY, [foreign], [職場の健康保険: '全員'])).isEmpty()
        rules.determine(new EventFacts(LifeEvent.MOVE_IN, '国外から', DAY, [foreign], [:])).isEmpty()
    }

    def "版は有効開始日の来た最新のものを使い、停止した版から規則は使われない"() {
        given:
        def v1 = ProcedureRuleText.parseOne(LATE_ELDERLY, LocalDate.of(2000, 1, 1))
        def v2 = ProcedureRuleText.parseOne(LATE_ELDERLY.replace('年齢 >= 75', '年齢 >= 70'), DAY).asVersion(2, DAY, null)
        def v3 = ProcedureRuleText.parseOne(LATE_ELDERLY + '停止: はい\n', DAY.plusDays(10)).asVersion(3, DAY.plusDays(10), null)

        expect:
        RelatedProcedureRules.inForceOn([v1, v2, v3], DAY.minusDays(1)).rules()*.version() == [1]
        RelatedProcedureRules.inForceOn([v1, v2, v3], DAY).rules()*.version() == [2]
        RelatedProcedureRules.inForceOn([v1, v2, v3], DAY.plusDays(10)).rules().isEmpty()
    }

    def "書き誤りは行番号と直し方を添えて、すべてまとめて知らせる"() {
        when:
        ProcedureRuleText.parseAll('''規則: BROKEN
手続: NHI_ENROLMENT
ライフイベント: 転入
条件: 年令 < 75
条件: 国保 = 入っている
条件: 学齢 > 小学生
有効: 2026/04/01
理由: 理由
''', DAY)

        then:
        RuleTextException e = thrown()
        e.problems().size() == 4
        e.problems()[0].startsWith('4行目: 条件の項目「年令」はありません。使える項目: 年齢')
        e.problems()[1] == '5行目: 「国保」の値に「入っている」はありません。使える値: あり、なし'
        e.problems()[2].startsWith('6行目: 「学齢」は数ではないので > で比べられません')
        e.problems()[3].startsWith('7行目: 日付は 2024-04-01 の形で書きます')
    }

    def "理由のない規則、種類の誤り、同じIDの重複は受け付けない"() {
        when:
        ProcedureRuleText.parseAll(text, DAY)

        then:
        RuleTextException e = thrown()
        e.problems().any { it.contains(message) }

        where:
        text                                                                    || message
        '規則: NO_REASON\n手続: X_Y\nライフイベント: 転入\n'                    || '理由（日本語）がありません'
        '規則: BAD_KIND\n手続: X_Y\nライフイベント: 転居\n種類: 国外から\n理由: r\n' || '転居の種類に「国外から」はありません'
        '規則: TWICE\n手続: X_Y\nライフイベント: 転入\n理由: r\n規則: TWICE\n手続: X_Y\nライフイベント: 転入\n理由: r\n' || '規則ID TWICE が2回以上あります'
        'ライフイベント: 転入\n'                                               || '規則は「規則: ID」の行から書き始めます'
    }

    def "関連手続の一覧: 削除には理由が要り、削除した手続も理由とともに残る"() {
        given:
        def facts = moveIn([member('祖母', LocalDate.of(1940, 1, 1))])
        def suggestions = RelatedProcedureRules.of(ProcedureRuleText.parseAll(LATE_ELDERLY, DAY)).determine(facts)
        def list = RelatedProcedureList.determined(facts, suggestions, '窓口 職員', java.time.Instant.parse('2026-11-22T01:00:00Z'), 0)

        when:
        list.remove(1, '窓口 職員', java.time.Instant.parse('2026-11-22T01:05:00Z'), ' ')

        then:
        IllegalArgumentException blank = thrown()
        blank.message.contains('削除する理由を入力してください')

        when:
        def removed = list.remove(1, '窓口 職員', java.time.Instant.parse('2026-11-22T01:05:00Z'), '他市で手続済み')
        def added = removed.add('SEAL_REGISTRATION', null, null, '実印が必要')

        then:
        removed.current().isEmpty()
        removed.items()[0].removal().reason() == '他市で手続済み'
        added.current()*.procedureCode() == ['SEAL_REGISTRATION']
        added.current()[0].origin() == RelatedProcedureList.Origin.CLERK
        added.items().size() == 2
    }
}
