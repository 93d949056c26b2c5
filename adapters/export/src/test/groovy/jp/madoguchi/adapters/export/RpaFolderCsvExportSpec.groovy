package jp.madoguchi.adapters.export

import jp.madoguchi.application.port.out.ExportRecord
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

class RpaFolderCsvExportSpec extends Specification {

    @TempDir
    Path folder

    ExportRecord record = new ExportRecord('CERTIFICATE_REQUEST', '999997-20261122-0001',
            ['受付番号': '20261122-0001', '氏名': '葛\uDB40\uDD04西 花子', '備考': 'カンマ, と "引用符"'])

    def "1受付を1ファイル（見出しと1行）で、BOM付きUTF-8・CRLFで出力する"() {
        when:
        def receipt = new RpaFolderCsvExport(folder).deliver(record)

        then:
        !receipt.alreadyDelivered()
        def files = Files.list(folder).toList()
        files*.fileName*.toString() == ['CERTIFICATE_REQUEST_999997-20261122-0001.csv']
        def bytes = Files.readAllBytes(files[0])
        bytes[0..2] == [(byte) 0xEF, (byte) 0xBB, (byte) 0xBF]
        def text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)
        text == '"受付番号","氏名","備考"\r\n"20261122-0001","葛\uDB40\uDD04西 花子","カンマ, と ""引用符"""\r\n'
        receipt.sha256().length() == 64
    }

    def "同じ受付をもう一度出力しても重複しない"() {
        given:
        def export = new RpaFolderCsvExport(folder)
        def first = export.deliver(record)

        when:
        def second = export.deliver(record)

        then:
        second.alreadyDelivered()
        second.sha256() == first.sha256()
        Files.list(folder).count() == 1
    }

    def "書き込めないフォルダでは理由を示して失敗し、書きかけのファイルを残さない"() {
        given:
        def blocked = folder.resolve('not-a-folder')
        Files.writeString(blocked, 'a file where the folder should be')

        when:
        new RpaFolderCsvExport(blocked).deliver(record)

        then:
        def e = thrown(UncheckedIOException)
        e.message.startsWith('連携フォルダ')
        Files.list(folder).toList()*.fileName*.toString() == ['not-a-folder']
    }
}
