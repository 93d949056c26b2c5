package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.FolderLinkageSource
import jp.madoguchi.application.port.out.LinkageFile
import jp.madoguchi.application.port.out.LinkageSource
import jp.madoguchi.application.port.out.LinkageSources
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/** 連携ファイルの保管期間: 保管から期間を過ぎたファイルを、設定されたすべての取込元から消す。 */
class PurgeLinkageArchivesServiceSpec extends Specification {

    @TempDir Path inbox
    Clock clock = Clock.fixed(Instant.parse('2026-12-04T17:30:00Z'), ZoneId.of('Asia/Tokyo'))

    def "保管期間（既定30日）より前に保管したファイルを消し、届かない取込元があっても他は整理する"() {
        given: 'the drop folder with two archived files, and a bucket that cannot be reached'
        def folder = new FolderLinkageSource(inbox)
        ['001o005_20261101000000_FULL.csv', '001o005_20261102000000_DIFF.csv'].each {
            folder.archive(LinkageFile.named(it, 1, folder.drop(it, 'x').toString()).get())
        }
        LinkageSource bucket = [description: { 's3://linkage/city/' },
                                purgeArchive: { Instant cutOff -> throw new IllegalStateException('接続できません') }] as LinkageSource
        LinkageSources sources = [configured: { [folder, bucket] }] as LinkageSources

        when:
        def purge = new PurgeLinkageArchivesService(sources, Duration.ofDays(days), clock).purge()

        then:
        folder.purgedBefore == [Instant.parse(before)]
        purge.before() == Instant.parse(before)
        purge.removed() == 2
        purge.failures() == ['s3://linkage/city/: 接続できません']

        where:
        days | before
        30   | '2026-11-04T17:30:00Z'
        7    | '2026-11-27T17:30:00Z'
    }

    def "保管期間が0や負なら起動時に断る"() {
        when:
        new PurgeLinkageArchivesService([configured: { [] }] as LinkageSources, Duration.ZERO, clock)

        then:
        thrown(Rejection)
    }
}
