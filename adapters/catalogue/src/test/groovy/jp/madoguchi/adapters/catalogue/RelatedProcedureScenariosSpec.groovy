package jp.madoguchi.adapters.catalogue

import jp.madoguchi.application.service.ManageProcedureRulesService
import jp.madoguchi.domain.procedure.EventFacts
import jp.madoguchi.domain.procedure.Fact
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.MemberFacts
import jp.madoguchi.domain.procedure.ProcedureRule
import jp.madoguchi.domain.procedure.RelatedProcedureRules
import jp.madoguchi.domain.procedure.Suggestion
import spock.lang.Shared
import spock.lang.Specification

import java.time.LocalDate

/**
 * The shipped rule set (related-procedures.rules) over household scenarios: for each fixture household and life
 * event, exactly these procedures, for these members, each with its reasons. The expected lists are written as
 * 手続コード@世帯員 (or @世帯); a rule that suggests one procedure too many or too few fails its scenario.
 */
class RelatedProcedureScenariosSpec extends Specification {

    static final LocalDate EVENT_DAY = LocalDate.of(2026, 11, 22)

    @Shared List<ProcedureRule> shipped = ShippedProcedureRules.load()
    @Shared RelatedProcedureRules rules = RelatedProcedureRules.inForceOn(shipped, EVENT_DAY)
    @Shared ClasspathProcedureCatalogue procedures = new ClasspathProcedureCatalogue()
    @Shared ClasspathGuidanceCatalogue guidance = new ClasspathGuidanceCatalogue()

    /** A member {@code age} years old on the event day (born three months earlier in the year), with facts by label. */
    static MemberFacts m(Map facts = [:], String name, int age) {
        Map<Fact, String> f = new EnumMap<>(Fact)
        facts.each { k, v -> f.put(Fact.named(k as String).orElseThrow { new IllegalArgumentException("no fact " + k) }, v as String) }
        new MemberFacts(name, name, EVENT_DAY.minusYears(age).minusMonths(3), f)
    }

    static EventFacts visit(LifeEvent event, String kind, List<MemberFacts> members, Map answers = [:]) {
        new EventFacts(event, kind, EVENT_DAY, members, answers as Map<String, String>)
    }

    static Set<String> listed(List<Suggestion> suggestions) {
        suggestions.collect { it.procedureCode() + '@' + (it.forHousehold() ? '世帯' : it.memberName()) } as Set
    }

    static Set<String> expected(String text) {
        text.trim().split(/\s+/) as Set
    }

    def "初期規則は40以上の手続にわたり、すべて手続マスタと質問にある名前だけを使う"() {
        expect:
        shipped.collect { it.procedureCode() }.toSet().size() >= 40
        shipped.collectMany { ManageProcedureRulesService.problemsOf(it, procedures, guidance.questions()) } == []
        shipped.every { !it.reason('ja').isBlank() && !it.reasons().getOrDefault('en', '').isBlank() }
        guidance.languages().every { language -> shipped.every { guidance.procedure(it.procedureCode(), language).isPresent() } }
    }

    def "#scenario"() {
        when:
        List<Suggestion> suggestions = rules.determine(facts)

        then:
        listed(suggestions) == expected(result)
        suggestions.every { s -> !s.reasons().isEmpty() && s.reasons().every { !it.in('ja').isBlank() && it.ruleVersion() == 1 } }

        where:
        scenario | facts || result
        '転入（国内）: 子育て世帯、職場の健康保険なし' | visit(LifeEvent.MOVE_IN, '国内', [
                m('父', 40, 届出の対象: 'はい', マイナンバーカード: 'あり', 世帯主: 'はい'), m('母', 38, 届出の対象: 'はい'),
                m('長男', 8, 届出の対象: 'はい'), m('長女', 2, 届出の対象: 'はい')], [職場の健康保険: 'なし']) ||
                'MOVE_IN_NOTIFICATION@世帯 CARD_FACE_CHANGE@父 SEAL_REGISTRATION@世帯 NHI_ENROLMENT@父 NHI_ENROLMENT@母 NHI_ENROLMENT@長男 NHI_ENROLMENT@長女 CHILD_ALLOWANCE_CLAIM@世帯 CHILD_MEDICAL_CERTIFICATE@長男 CHILD_MEDICAL_CERTIFICATE@長女 SCHOOL_TRANSFER@長男 VACCINATION@長男 VACCINATION@長女 INFANT_HEALTH_CHECKUP@長女'
        '転入（国内）: 会社員の夫婦だけの世帯' | visit(LifeEvent.MOVE_IN, '国内', [
                m('夫', 35, 届出の対象: 'はい'), m('妻', 33, 届出の対象: 'はい')], [職場の健康保険: '全員']) ||
                'MOVE_IN_NOTIFICATION@世帯 SEAL_REGISTRATION@世帯'
        '転入（国外から）: 単身、カードの電子証明書が失効' | visit(LifeEvent.MOVE_IN, '国外から', [
                m('本人', 30, 届出の対象: 'はい', マイナンバーカード: 'あり', 電子証明書: 'なし')], [職場の健康保険: 'なし']) ||
                'MOVE_IN_NOTIFICATION@世帯 CARD_FACE_CHANGE@本人 CARD_CERTIFICATE_ISSUE@本人 SEAL_REGISTRATION@世帯 NHI_ENROLMENT@本人 PENSION_ENROLMENT@本人'
        '転入（特例）: 高齢の夫婦、夫は要介護認定あり' | visit(LifeEvent.MOVE_IN, '特例', [
                m('夫', 78, 届出の対象: 'はい', マイナンバーカード: 'あり', 電子証明書: 'あり', 要介護認定: 'あり'),
                m('妻', 72, 届出の対象: 'はい', マイナンバーカード: 'あり', 電子証明書: 'あり')], [職場の健康保険: 'なし']) ||
                'MOVE_IN_NOTIFICATION@世帯 CARD_FACE_CHANGE@夫 CARD_FACE_CHANGE@妻 SEAL_REGISTRATION@世帯 NHI_ENROLMENT@妻 LATE_ELDERLY_ENROLMENT@夫 LTC_ENROLMENT@夫 LTC_ENROLMENT@妻 LTC_CERTIFICATION_TRANSFER@夫'
        '転入（国内）: 中学生と75歳の祖母のいる世帯、職場の健康保険は一部' | visit(LifeEvent.MOVE_IN, '国内', [
                m('夫', 42, 届出の対象: 'はい'), m('妻', 40, 届出の対象: 'はい'), m('長男', 15, 届出の対象: 'はい'),
                m('祖母', 76, 届出の対象: 'はい')], [職場の健康保険: '一部']) ||
                'MOVE_IN_NOTIFICATION@世帯 SEAL_REGISTRATION@世帯 NHI_ENROLMENT@夫 NHI_ENROLMENT@妻 NHI_ENROLMENT@長男 LATE_ELDERLY_ENROLMENT@祖母 LTC_ENROLMENT@祖母 CHILD_ALLOWANCE_CLAIM@世帯 CHILD_MEDICAL_CERTIFICATE@長男 SCHOOL_TRANSFER@長男'
        '転入（国内）: 単身、妊娠中・犬・原付・障害者手帳' | visit(LifeEvent.MOVE_IN, '国内', [m('本人', 30, 届出の対象: 'はい')],
                [職場の健康保険: '全員', 妊娠中: 'はい', 犬を飼っている: 'はい', '原付・軽自動車': 'はい', 障害者手帳: 'はい']) ||
                'MOVE_IN_NOTIFICATION@世帯 SEAL_REGISTRATION@世帯 PRENATAL_CHECKUP_TICKETS@世帯 DOG_REGISTRATION_CHANGE@世帯 LIGHT_VEHICLE_TAX_CHANGE@世帯 DISABILITY_HANDBOOK_CHANGE@世帯 DISABILITY_SERVICES@世帯'
        '転入（国内）: 1歳の子、保育園の利用を考えている' | visit(LifeEvent.MOVE_IN, '国内', [
                m('父', 30, 届出の対象: 'はい'), m('長女', 1, 届出の対象: 'はい')], [職場の健康保険: '全員', '保育園・幼稚園': 'はい']) ||
                'MOVE_IN_NOTIFICATION@世帯 SEAL_REGISTRATION@世帯 CHILD_ALLOWANCE_CLAIM@世帯 CHILD_MEDICAL_CERTIFICATE@長女 NURSERY_SCHOOL@世帯 VACCINATION@長女 INFANT_HEALTH_CHECKUP@長女'
        '転入（国内）: 障害のある10歳の子を育てる世帯' | visit(LifeEvent.MOVE_IN, '国内', [
                m('母', 38, 届出の対象: 'はい'), m('長男', 10, 届出の対象: 'はい')], [職場の健康保険: '全員', 障害のある子ども: 'はい']) ||
                'MOVE_IN_NOTIFICATION@世帯 SEAL_REGISTRATION@世帯 CHILD_ALLOWANCE_CLAIM@世帯 CHILD_MEDICAL_CERTIFICATE@長男 SCHOOL_TRANSFER@長男 VACCINATION@長男 SPECIAL_CHILD_ALLOWANCE@世帯'
        '転入（国外から）: 外国人住民の単身世帯' | visit(LifeEvent.MOVE_IN, '国外から', [
                m('本人', 28, 届出の対象: 'はい', 外国人: 'はい')], [職場の健康保険: 'なし']) ||
                'MOVE_IN_NOTIFICATION@世帯 SEAL_REGISTRATION@世帯 NHI_ENROLMENT@本人 PENSION_ENROLMENT@本人'
        '転入（国内）: 65歳の単身' | visit(LifeEvent.MOVE_IN, '国内', [m('本人', 65, 届出の対象: 'はい')], [職場の健康保険: 'なし']) ||
                'MOVE_IN_NOTIFICATION@世帯 SEAL_REGISTRATION@世帯 NHI_ENROLMENT@本人 LTC_ENROLMENT@本人'
        '転出（国内）: 国保の父子、父は児童手当の受給者' | visit(LifeEvent.MOVE_OUT, '国内', [
                m('父', 40, 届出の対象: 'はい', 国保: 'あり', 印鑑登録: 'あり', 児童手当: '受給者'),
                m('長男', 9, 届出の対象: 'はい', 国保: 'あり', 児童手当: '対象児童')]) ||
                'MOVE_OUT_NOTIFICATION@世帯 SEAL_CARD_RETURN@父 NHI_WITHDRAWAL@父 NHI_WITHDRAWAL@長男 CHILD_ALLOWANCE_TERMINATION@父 CHILD_MEDICAL_RETURN@世帯 SCHOOL_TRANSFER@長男'
        '転出（国外へ）: カードを持つ単身' | visit(LifeEvent.MOVE_OUT, '国外へ', [
                m('本人', 35, 届出の対象: 'はい', マイナンバーカード: 'あり')]) ||
                'MOVE_OUT_NOTIFICATION@世帯 CARD_FACE_CHANGE@本人'
        '転出（国内）: 後期高齢・介護の80歳、犬を飼っている' | visit(LifeEvent.MOVE_OUT, '国内', [
                m('本人', 80, 届出の対象: 'はい', 後期高齢: 'あり', 介護保険: 'あり')], [犬を飼っている: 'はい']) ||
                'MOVE_OUT_NOTIFICATION@世帯 LATE_ELDERLY_WITHDRAWAL@本人 LTC_WITHDRAWAL@本人 DOG_REGISTRATION_CHANGE@世帯'
        '転出（特例）: 世帯の一部（子だけ）が転出' | visit(LifeEvent.MOVE_OUT, '特例', [
                m('父', 50, 届出の対象: 'いいえ', 国保: 'あり'), m('長男', 22, 届出の対象: 'はい', 国保: 'あり')]) ||
                'MOVE_OUT_NOTIFICATION@世帯 NHI_WITHDRAWAL@長男'
        '転居: 国保の子育て世帯、夫がカードと児童手当' | visit(LifeEvent.MOVE_WITHIN_CITY, null, [
                m('夫', 45, 届出の対象: 'はい', マイナンバーカード: 'あり', 国保: 'あり', 児童手当: '受給者'),
                m('妻', 43, 届出の対象: 'はい', 国保: 'あり'), m('長男', 12, 届出の対象: 'はい', 国保: 'あり')]) ||
                'MOVE_WITHIN_CITY_NOTIFICATION@世帯 CARD_FACE_CHANGE@夫 NHI_DETAILS_CHANGE@世帯 CHILD_ALLOWANCE_DETAILS_CHANGE@夫 SCHOOL_TRANSFER@長男'
        '転居: 後期高齢・介護の単身、障害者手帳と原付' | visit(LifeEvent.MOVE_WITHIN_CITY, null, [
                m('本人', 82, 届出の対象: 'はい', 後期高齢: 'あり', 介護保険: 'あり')], [障害者手帳: 'はい', '原付・軽自動車': 'はい']) ||
                'MOVE_WITHIN_CITY_NOTIFICATION@世帯 LATE_ELDERLY_DETAILS_CHANGE@本人 LTC_DETAILS_CHANGE@本人 DISABILITY_HANDBOOK_CHANGE@世帯 LIGHT_VEHICLE_TAX_CHANGE@世帯'
        '転居: 会社員の単身、カードなし' | visit(LifeEvent.MOVE_WITHIN_CITY, null, [m('本人', 28, 届出の対象: 'はい')]) ||
                'MOVE_WITHIN_CITY_NOTIFICATION@世帯'
        '世帯変更（世帯主変更）: 国保の世帯、介護保険の親がいても世帯は同じ' | visit(LifeEvent.HOUSEHOLD_CHANGE, '世帯主変更', [
                m('父', 70, 届出の対象: 'はい', 国保: 'あり', 介護保険: 'あり'), m('長男', 40, 届出の対象: 'はい', 国保: 'あり')]) ||
                'HOUSEHOLD_CHANGE_NOTIFICATION@世帯 NHI_DETAILS_CHANGE@世帯'
        '世帯変更（世帯分離）: 介護保険の祖父が分かれる' | visit(LifeEvent.HOUSEHOLD_CHANGE, '世帯分離', [
                m('祖父', 70, 届出の対象: 'はい', 介護保険: 'あり'), m('長男', 40, 届出の対象: 'はい')]) ||
                'HOUSEHOLD_CHANGE_NOTIFICATION@世帯 LTC_DETAILS_CHANGE@祖父'
        '世帯変更（世帯合併）: 国保と介護保険' | visit(LifeEvent.HOUSEHOLD_CHANGE, '世帯合併', [
                m('母', 68, 届出の対象: 'はい', 国保: 'あり', 介護保険: 'あり'), m('長女', 38, 届出の対象: 'はい')]) ||
                'HOUSEHOLD_CHANGE_NOTIFICATION@世帯 NHI_DETAILS_CHANGE@世帯 LTC_DETAILS_CHANGE@母'
        '出生: 国保の世帯の第1子' | visit(LifeEvent.BIRTH, null, [
                m('父', 30, 国保: 'あり'), m('母', 29, 国保: 'あり', 性別: '女'), newborn()]) ||
                'BIRTH_NOTIFICATION@世帯 CHILD_ALLOWANCE_CLAIM@世帯 CHILD_MEDICAL_CERTIFICATE@生まれたお子さん NHI_ENROLMENT@世帯 NHI_CHILDBIRTH_LUMP_SUM@世帯 NEWBORN_VISIT@世帯 VACCINATION@生まれたお子さん'
        '出生: 会社員の世帯の第2子、母が児童手当の受給者、保育園を考えている' | visit(LifeEvent.BIRTH, null, [
                m('母', 33, 性別: '女', 児童手当: '受給者'), m('長男', 3, 児童手当: '対象児童'), newborn()], ['保育園・幼稚園': 'はい']) ||
                'BIRTH_NOTIFICATION@世帯 CHILD_ALLOWANCE_REVISION@母 CHILD_MEDICAL_CERTIFICATE@生まれたお子さん NEWBORN_VISIT@世帯 VACCINATION@生まれたお子さん NURSERY_SCHOOL@世帯'
        '死亡: 後期高齢の世帯主、3人世帯、年金・葬儀・土地あり' | visit(LifeEvent.DEATH, null, [
                m('夫', 80, 届出の対象: 'はい', 世帯主: 'はい', マイナンバーカード: 'あり', 後期高齢: 'あり', 介護保険: 'あり'),
                m('妻', 78, 後期高齢: 'あり'), m('長男', 50)], [年金を受給: 'はい', 葬儀を行った: 'はい', '土地・家屋': 'はい']) ||
                'DEATH_NOTIFICATION@世帯 CARD_RETURN@夫 LATE_ELDERLY_FUNERAL_EXPENSES@夫 LTC_WITHDRAWAL@夫 PENSION_SURVIVOR@夫 HOUSEHOLD_CHANGE_NOTIFICATION@世帯 TAX_DECEASED_RETURN@世帯 FIXED_ASSET_HEIR@世帯'
        '死亡: 国保の60歳、葬儀はまだ、障害者手帳あり' | visit(LifeEvent.DEATH, null, [
                m('本人', 60, 届出の対象: 'はい', 国保: 'あり'), m('妻', 58)], [葬儀を行った: 'いいえ', 障害者手帳: 'はい']) ||
                'DEATH_NOTIFICATION@世帯 NHI_WITHDRAWAL@本人 TAX_DECEASED_RETURN@世帯 DISABILITY_HANDBOOK_RETURN@世帯'
        '死亡: 2人世帯の世帯主（新しい世帯主の届は不要）' | visit(LifeEvent.DEATH, null, [
                m('夫', 70, 届出の対象: 'はい', 世帯主: 'はい', 国保: 'あり', 介護保険: 'あり'), m('妻', 68)], [葬儀を行った: 'はい']) ||
                'DEATH_NOTIFICATION@世帯 NHI_WITHDRAWAL@夫 NHI_FUNERAL_EXPENSES@夫 LTC_WITHDRAWAL@夫 TAX_DECEASED_RETURN@世帯'
        '死亡: 児童手当の受給者、原付あり' | visit(LifeEvent.DEATH, null, [
                m('母', 35, 届出の対象: 'はい', 児童手当: '受給者'), m('長女', 5, 児童手当: '対象児童')], ['原付・軽自動車': 'はい', 葬儀を行った: 'はい']) ||
                'DEATH_NOTIFICATION@世帯 CHILD_ALLOWANCE_TERMINATION@母 TAX_DECEASED_RETURN@世帯 LIGHT_VEHICLE_TAX_CHANGE@世帯'
        '婚姻: 妻の氏名が変わる、国保・カード・印鑑登録あり' | visit(LifeEvent.MARRIAGE, null, [
                m('妻', 30, 届出の対象: 'はい', マイナンバーカード: 'あり', 印鑑登録: 'あり', 国民年金: '第1号', 国保: 'あり'),
                m('夫', 32, 届出の対象: 'はい')], [氏名が変わる: 'はい', 職場の健康保険: '一部']) ||
                'MARRIAGE_NOTIFICATION@世帯 CARD_FACE_CHANGE@妻 PENSION_DETAILS_CHANGE@妻 PENSION_DETAILS_CHANGE@夫 NHI_DETAILS_CHANGE@世帯 SEAL_REGISTRATION@妻'
        '婚姻: 60歳代、氏名は変わらない' | visit(LifeEvent.MARRIAGE, null, [
                m('夫', 64, 届出の対象: 'はい'), m('妻', 62, 届出の対象: 'はい')], [氏名が変わる: 'いいえ']) ||
                'MARRIAGE_NOTIFICATION@世帯'
        '離婚: 第3号の母がひとり親として7歳の子を育てる' | visit(LifeEvent.DIVORCE, null, [
                m('母', 35, 届出の対象: 'はい', 国民年金: '第3号', マイナンバーカード: 'あり'), m('長男', 7)],
                [ひとり親: 'はい', 職場の健康保険: 'なし', 氏名が変わる: 'はい']) ||
                'DIVORCE_NOTIFICATION@世帯 SINGLE_PARENT_MEDICAL@世帯 CHILD_SUPPORT_ALLOWANCE@世帯 CHILD_ALLOWANCE_CLAIM@世帯 CARD_FACE_CHANGE@母 PENSION_DETAILS_CHANGE@母 NHI_ENROLMENT@母'
        '離婚: 子のいない会社員、氏名は変わらない' | visit(LifeEvent.DIVORCE, null, [m('本人', 40, 届出の対象: 'はい')],
                [ひとり親: 'いいえ', 職場の健康保険: '全員', 氏名が変わる: 'いいえ']) ||
                'DIVORCE_NOTIFICATION@世帯'
        '証明書の取得: カードの電子証明書が期限切れ' | visit(LifeEvent.CERTIFICATE, null, [
                m('本人', 45, 届出の対象: 'はい', マイナンバーカード: 'あり', 電子証明書: '期限切れ')]) ||
                'CARD_CERTIFICATE_ISSUE@本人'
    }

    def "証明書だけの用件で、カードに問題がなければ関連手続はない"() {
        expect:
        rules.determine(visit(LifeEvent.CERTIFICATE, null, [m('本人', 45, 届出の対象: 'はい', マイナンバーカード: 'あり', 電子証明書: 'あり')])).isEmpty()
    }

    def "提案には規則の言葉で理由が付く（日本語と英語）"() {
        when:
        def suggestions = rules.determine(visit(LifeEvent.MOVE_IN, '国内', [m('祖母', 76, 届出の対象: 'はい'), m('長女', 6, 届出の対象: 'はい')]))
        def elderly = suggestions.find { it.procedureCode() == 'LATE_ELDERLY_ENROLMENT' }
        def allowance = suggestions.find { it.procedureCode() == 'CHILD_ALLOWANCE_CLAIM' }

        then:
        elderly.memberName() == '祖母'
        elderly.reasons()*.in('ja') == ['75歳以上の方は後期高齢者医療に入るため']
        elderly.reasons()*.in('en') == ['Members aged 75 or over join Medical Care for the Elderly']
        elderly.reasons()*.ruleId() == ['MOVE_IN_LATE_ELDERLY']
        allowance.forHousehold()
        allowance.reasons()[0].in('ja').startsWith('世帯に高校生年代までのお子さんがいるため')
    }

    static MemberFacts newborn() {
        new MemberFacts('NEWBORN', '生まれたお子さん', EVENT_DAY, [(Fact.SUBJECT): 'はい'])
    }
}
