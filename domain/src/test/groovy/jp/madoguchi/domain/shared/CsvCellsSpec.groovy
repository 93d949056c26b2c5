package jp.madoguchi.domain.shared

import spock.lang.Specification

/** CSVのセル: 表計算ソフトが式として実行する書き出しは無害にし、それ以外は一文字も変えない。 */
class CsvCellsSpec extends Specification {

    def "式になりうるセル「#value」は先頭にアポストロフィを付ける"() {
        expect:
        CsvCells.safe(value) == "'" + value

        where:
        value << ['=HYPERLINK("http://x")', '+81-3-1234', '-2+3', '@SUM(A1)', '\tcmd', '\r=1']
    }

    def "ふつうの値「#value」はそのまま"() {
        expect:
        CsvCells.safe(value) == value

        where:
        value << ['見本　太郎', '20261120', '1-2-3', 'a=b', '', "O'Neil"]
    }

    def "null は空のセル、列はまとめて"() {
        expect:
        CsvCells.safe((String) null) == ''
        CsvCells.safe(['=1', 'x']) == ["'=1", 'x']
    }
}
