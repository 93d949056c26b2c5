package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.GuidanceCatalogue
import jp.madoguchi.application.port.out.GuidanceSheetRenderer
import jp.madoguchi.application.port.out.ProcedureRuleSeeds
import jp.madoguchi.application.port.out.ProcedureRules
import jp.madoguchi.application.port.out.RelatedProcedureLists
import jp.madoguchi.application.port.out.RenderedDocument
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.ProcedureRule
import jp.madoguchi.domain.procedure.ProcedureRuleText
import jp.madoguchi.domain.procedure.RelatedProcedureList
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

import java.nio.charset.StandardCharsets
import java.time.Instant
import java.time.LocalDate

/**
 * The related-procedure ports in memory: rule versions, the lists per visit (optimistically locked as the store does),
 * one hearing question, guidance wording and a guidance "sheet" written as text lines.
 */
class InMemoryRules implements ProcedureRules, ProcedureRuleSeeds, RelatedProcedureLists, GuidanceCatalogue,
        GuidanceSheetRenderer {

    static final String SEED = '''
規則: MOVE_IN_NHI
手続: NHI_ENROLMENT
ライフイベント: 転入
対象: 世帯員
条件: 年齢 < 75
条件: 回答.職場の健康保険 = なし, 一部
理由: 職場の健康保険に加入していない75歳未満の方がいるため

規則: MOVE_IN_CHILD_ALLOWANCE
手続: CHILD_ALLOWANCE_CLAIM
ライフイベント: 転入
対象: 世帯員
条件: 年齢 < 15
理由: 中学生までのお子さんがいるため
'''

    /** Every published version per city, as the store keeps them; a shipped rule counts as published by the system. */
    final Map<String, List<PublishedVersion>> published = [:]
    final Map<String, RelatedProcedureList> lists = [:]

    @Override
    List<ProcedureRule> shipped() {
        ProcedureRuleText.parseAll(SEED, LocalDate.of(2024, 4, 1))
    }

    @Override
    List<ProcedureRule> versions(LocalGovernmentCode city) {
        history(city, null)*.rule()
    }

    @Override
    void publish(LocalGovernmentCode city, ProcedureRule rule, Operator by, Instant at) {
        List<PublishedVersion> stored = published.computeIfAbsent(city.value()) { [] }
        if (stored.any { it.rule().id() == rule.id() && it.rule().version() == rule.version() }) {
            throw new ConcurrentUpdateException('規則 ' + rule.id() + ' の第' + rule.version() + '版はもう公開されています')
        }
        stored << new PublishedVersion(rule, by.displayName() + '（' + by.id() + '）', at)
    }

    @Override
    int seedMissing(LocalGovernmentCode city, List<ProcedureRule> shipped, Instant at) {
        List<PublishedVersion> stored = published.computeIfAbsent(city.value()) { [] }
        def missing = shipped.findAll { s -> !stored.any { it.rule().id() == s.id() } }
        missing.each { stored << new PublishedVersion(it.asVersion(1, it.effectiveFrom(), it.effectiveUntil()), 'system', at) }
        missing.size()
    }

    /** In the order the rules were first written, then by version (as the store's position column keeps them). */
    @Override
    List<PublishedVersion> history(LocalGovernmentCode city, String ruleId) {
        List<PublishedVersion> stored = published[city.value()] ?: []
        List<String> order = stored*.rule()*.id().unique()
        stored.findAll { ruleId == null || it.rule().id() == ruleId }
                .sort(false) { a, b -> order.indexOf(a.rule().id()) <=> order.indexOf(b.rule().id()) ?: a.rule().version() <=> b.rule().version() }
    }

    @Override
    Optional<RelatedProcedureList> find(LocalGovernmentCode city, ReceptionNumber reception) {
        Optional.ofNullable(lists[city.value() + '/' + reception.value()])
    }

    @Override
    RelatedProcedureList save(LocalGovernmentCode city, ReceptionNumber reception, RelatedProcedureList list) {
        def key = city.value() + '/' + reception.value()
        long current = lists[key]?.version() ?: 0
        if (current != list.version()) {
            throw new ConcurrentUpdateException('受付番号 ' + reception.value() + ' の関連手続は他の職員が先に変更しました')
        }
        def saved = new RelatedProcedureList(list.event(), list.kind(), list.eventDate(), list.answers(), list.determinedAt(),
                list.determinedBy(), list.items(), list.version() + 1)
        lists[key] = saved
        saved
    }

    @Override
    List<String> languages() {
        ['ja', 'en']
    }

    @Override
    Optional<ProcedureGuide> procedure(String procedureCode, String language) {
        Optional.of(new ProcedureGuide(procedureCode, procedureCode + '（' + language + '）', '説明', '持ち物', '14日以内', '無料'))
    }

    @Override
    CounterGuide counter(String departmentCode, String departmentName, String language) {
        new CounterGuide(departmentCode, departmentName, departmentCode == 'SHIMIN' ? 1 : 2, '1階')
    }

    @Override
    String label(String key, String language) {
        key
    }

    @Override
    List<HearingQuestion> questions() {
        [new HearingQuestion('職場の健康保険', [LifeEvent.MOVE_IN] as Set, '職場の健康保険に入っている人はいますか',
                'Is anyone covered by employee health insurance?', ['なし', '一部', '全員'], 'なし')]
    }

    @Override
    List<Reading> readings() {
        []
    }

    @Override
    RenderedDocument render(GuidanceSheet sheet) {
        String text = ([sheet.title(), sheet.language()] + sheet.counters().collectMany { c ->
            [c.heading()] + c.entries()*.name()
        }).join('\n')
        new RenderedDocument(sheet.fileName(), 'application/pdf', text.getBytes(StandardCharsets.UTF_8))
    }
}
