package jp.madoguchi.adapters.postgres.audit

import jp.madoguchi.adapters.postgres.DatabaseSpecification
import jp.madoguchi.application.port.out.AuditTrailQuery.AuditSearch
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.audit.AuditEntry
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Shared

import java.nio.charset.StandardCharsets
import java.time.Clock
import java.time.Instant
import java.time.ZoneId

/** 監査担当の検索とCSV出力: 自分の市の記録だけ、条件は SQL で絞り、空の条件は「すべて」。 */
class JdbiAuditTrailQuerySpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final LocalGovernmentCode OTHER_CITY = new LocalGovernmentCode('999989')
    static final Instant MORNING = Instant.parse('2026-11-22T00:00:00Z')

    @Shared JdbiAuditTrail trail
    @Shared JdbiAuditTrailQuery query

    def setupSpec() {
        trail = new JdbiAuditTrail(jdbi, new jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal(new byte[32]))
        query = new JdbiAuditTrailQuery(jdbi, Clock.system(ZoneId.of('Asia/Tokyo')))
        trail.append(entry(CITY, 'clerk', AuditAction.VIEW_RESIDENT, ['0000000011'], 0))
        trail.append(entry(CITY, 'clerk', AuditAction.SEARCH_RESIDENTS, [], 60))
        trail.append(entry(CITY, 'admin', AuditAction.VIEW_RESIDENT, ['0000000029'], 7200))
        trail.append(entry(OTHER_CITY, 'clerk', AuditAction.VIEW_RESIDENT, ['0000000011'], 30))
    }

    def cleanupSpec() {
        trail?.close()
    }

    def "条件なしの検索は自分の市の記録だけを新しい順に返す"() {
        when:
        def found = query.search(new AuditSearch(CITY, null, '', null, null, null), 100)

        then:
        found*.entry()*.actor()*.id() == ['admin', 'clerk', 'clerk']
        found*.entry()*.city().every { it == CITY }
    }

    def "操作者・宛名番号・期間・操作で絞り込める"() {
        expect:
        query.search(search, 100).size() == expected

        where:
        search                                                                                       | expected
        new AuditSearch(CITY, 'clerk', null, null, null, null)                                        | 2
        new AuditSearch(CITY, null, '0000000011', null, null, null)                                   | 1
        new AuditSearch(CITY, null, null, MORNING.plusSeconds(3600), null, null)                      | 1
        new AuditSearch(CITY, null, null, null, MORNING.plusSeconds(3600), null)                      | 2
        new AuditSearch(CITY, null, null, null, null, AuditAction.SEARCH_RESIDENTS)                   | 1
        new AuditSearch(CITY, 'admin', '0000000011', null, null, null)                                | 0
    }

    def "条件なしのCSV出力は古い順にすべての記録を、BOM付きUTF-8で書く"() {
        given:
        def out = new ByteArrayOutputStream()

        when:
        long written = query.exportCsv(new AuditSearch(CITY, null, null, null, null, null), out)
        def text = new String(out.toByteArray(), StandardCharsets.UTF_8)
        def lines = text.readLines()

        then:
        written == 3
        text.startsWith('\uFEFF"通番","日時"')
        lines.size() == 4
        lines[1].contains('0000000011')
        lines[3].contains('admin')
        !text.contains(OTHER_CITY.value())
    }

    def "CSV出力も条件で絞り込める"() {
        given:
        def out = new ByteArrayOutputStream()

        expect:
        query.exportCsv(new AuditSearch(CITY, 'clerk', '0000000011', MORNING, MORNING.plusSeconds(86400),
                AuditAction.VIEW_RESIDENT), out) == 1
    }

    private static AuditEntry entry(LocalGovernmentCode city, String actor, AuditAction action, List<String> residents, long seconds) {
        new AuditEntry(MORNING.plusSeconds(seconds), city, Operator.staff(actor, actor), 'COUNTER-01', action, residents,
                '受付 20261122-0001', '確認')
    }
}
