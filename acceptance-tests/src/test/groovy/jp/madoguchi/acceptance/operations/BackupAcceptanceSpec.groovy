package jp.madoguchi.acceptance.operations

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.nio.file.Files

/**
 * バックアップ on the administrator's page: the whole system on the embedded PostgreSQL with backups on, as a
 * production installation runs; 今すぐバックアップ takes one, restores it into a scratch copy and shows the check.
 */
@Stepwise
class BackupAcceptanceSpec extends Specification {

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start([
            'madoguchi.database.url'   : '',      // the embedded server, which Madoguchi backs up itself
            'madoguchi.backup.enabled' : true,
            'madoguchi.backup.ship-interval': '1h'])
    @Shared @AutoCleanup Browser browser = Browser.open()

    def "管理者が今すぐバックアップを取ると、作業用の複製への復元で確かめた結果が一覧に出る"() {
        given:
        StaffLogin.inBrowser(browser, app, 'admin')
        browser.go(app.url('/admin/backups'))

        expect: 'nothing yet, and backups are on'
        !browser.exists('#unavailable')
        !browser.exists('#backups')

        when:
        browser.clickAndLoad('#run-now button')

        then:
        browser.text('#ran').startsWith('バックアップ ')
        browser.text('#ran').endsWith(' を取得しました')
        def row = browser.texts('#backups tbody tr td')
        row[2] == '検証済み'
        row[4].contains('アクセス記録')
        row[4].contains('改ざんなし')
        browser.screenshot('70-admin-バックアップ')

        and: 'the store holds the sealed copy, its manifest and the WAL, and no plain database file'
        def store = app.dataDir().resolve('backups')
        def files = Files.walk(store).withCloseable { s -> s.filter { Files.isRegularFile(it) }.collect { store.relativize(it).toString() } }
        files.any { it ==~ /base\/\d{8}T\d{6}Z\/base\.zip\.sealed/ }
        files.any { it.endsWith('manifest.properties') }
        files.any { it ==~ /wal\/[0-9A-F]{24}\.gz\.sealed/ }
        files.every { it.endsWith('.sealed') || it.endsWith('manifest.properties') }
    }

    def "バックアップが無効な設置では理由を示し、ボタンを出さない"() {
        given:
        def other = RunningMadoguchi.start()    // an external database: its administrator backs it up
        def page = Browser.open()

        when:
        StaffLogin.inBrowser(page, other, 'admin')
        page.go(other.url('/admin/backups'))

        then:
        page.text('#unavailable').contains('外部の PostgreSQL')
        !page.exists('#run-now')

        cleanup:
        page?.close()
        other?.close()
    }
}
