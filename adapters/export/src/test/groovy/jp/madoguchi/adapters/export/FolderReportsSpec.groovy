package jp.madoguchi.adapters.export

import java.nio.file.Files
import java.nio.file.Path

import spock.lang.Specification
import spock.lang.TempDir

class FolderReportsSpec extends Specification {

    @TempDir
    Path root

    def "報告書は丸ごと現れ、同じ名前なら新しいもので置き換わり、一時ファイルは残らない"() {
        given:
        def folder = root.resolve('日報')
        def reports = new FolderReports(folder)

        when:
        def first = reports.write('日報_2026-12-04.pdf', 'first' as byte[])
        reports.write('日報_2026-12-04.pdf', 'second' as byte[])

        then:
        first == folder.resolve('日報_2026-12-04.pdf').toString()
        Files.readString(folder.resolve('日報_2026-12-04.pdf')) == 'second'
        Files.list(folder).toList()*.fileName*.toString() == ['日報_2026-12-04.pdf']
    }

    def "ファイル名でフォルダの外には書けない"() {
        when:
        new FolderReports(root.resolve('reports')).write('../outside.pdf', [1] as byte[])

        then:
        thrown(IllegalArgumentException)
        !Files.exists(root.resolve('outside.pdf'))
    }
}
