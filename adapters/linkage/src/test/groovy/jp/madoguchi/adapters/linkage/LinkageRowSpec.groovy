package jp.madoguchi.adapters.linkage

import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException

import spock.lang.Specification

/** 連携ファイルの「日時」(更新日時など): よくある形は手で確かめ、それ以外は ISO 8601 の書式に任せる. */
class LinkageRowSpec extends Specification {

    def "よくある形の日時 #value → #plain"() {
        expect:
        LinkageRow.plainDateTime(value) == plain

        where:
        value                         || plain
        '2026-04-01T09:00:00'         || true
        '2024-02-29T23:59:59'         || true
        '2026-02-30T09:00:00'         || false   // 2月30日
        '2025-02-29T09:00:00'         || false   // not a leap year
        '2026-04-01T24:00:00'         || false
        '2026-04-01T09:60:00'         || false
        '2026-04-01 09:00:00'         || false
        '2026-04-01T09:00:00+09:00'   || false   // left to the formatter, which takes it
        '２０２６-04-01T09:00:00'       || false
    }

    def "手で確かめない形は ISO の書式が決める: 暦にない日は受け付けない"() {
        when:
        DateTimeFormatter.ISO_DATE_TIME.parse('2026-02-30T09:00:00')

        then:
        thrown(DateTimeParseException)

        expect:
        DateTimeFormatter.ISO_DATE_TIME.parse('2026-04-01T09:00:00+09:00') != null
    }
}
