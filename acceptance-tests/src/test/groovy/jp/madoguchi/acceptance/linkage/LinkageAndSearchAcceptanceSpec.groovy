package jp.madoguchi.acceptance.linkage

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase
import jp.madoguchi.application.port.in.OpenLinkageArchiveUseCase
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.net.URLEncoder
import java.nio.charset.StandardCharsets
import java.nio.file.Files

/**
 * 前方連携と住民検索 in the browser: the administrator reads the import history (the demo's own files came in
 * through the import), runs an import of a bad file and reads its report; a clerk searches by kana and opens a
 * resident with household and business statuses; a supervisor is kept out of both.
 */
@Stepwise
class LinkageAndSearchAcceptanceSpec extends Specification {

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start(['madoguchi.linkage.polling': false])

    @Shared
    Browser browser = Browser.open()

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }

    def login(String user) {
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, user)
    }

    def "管理者は取込履歴で、デモの連携ファイル7件が取り込まれたことを確かめる"() {
        when:
        login('admin')
        browser.go(app.url('/admin/imports'))

        then:
        def outcomes = browser.texts('#imports tbody td.outcome')
        outcomes.size() == 7
        outcomes.every { it == '取込済' }
        browser.texts('#imports tbody tr').any { it.contains('001o005_20260401000000_FULL.csv') && it.contains('400') }
        browser.screenshot('20-admin-取込履歴')
    }

    def "取り込んだ連携ファイルはデータ鍵で暗号化して保管され、復号して書き出すとアクセス記録に出力として残る"() {
        given: 'a good DIFF in the drop folder (a change to someone insured), imported'
        def insured = app.bean(org.jdbi.v3.core.Jdbi).withHandle { h ->
            h.createQuery('SELECT min(addressee_number) FROM national_health_insurance').mapTo(String).one()
        }
        def content = "処理区分,宛名番号,国保世帯番号,記号番号,資格取得年月日,資格喪失年月日\r\n2,${insured},,国1,20260201,\r\n".toString()
        Files.createDirectories(app.linkageInbox())
        Files.writeString(app.linkageInbox().resolve('024o007_20260430000000_DIFF.csv'), content, StandardCharsets.UTF_8)
        def imported = app.bean(ImportLinkageFilesUseCase).importConfigured(new LocalGovernmentCode('999997'),
                ImportLinkageFilesUseCase.ImportProgress.NONE, Operator.system('test-import'))
        def archive = app.linkageInbox().resolve('archive')
        def kept = archive.resolve('024o007/024o007_20260430000000_DIFF.csv.sealed')
        def out = app.dataDir().resolve('024o007-opened.csv')

        expect: 'nothing plain is left, in the drop folder or the archive'
        imported.applied() == 1
        !Files.exists(app.linkageInbox().resolve('024o007_20260430000000_DIFF.csv'))
        Files.walk(archive).filter { Files.isRegularFile(it) }.allMatch { it.fileName.toString().endsWith('.sealed') }
        !new String(Files.readAllBytes(kept), StandardCharsets.ISO_8859_1).contains(insured)

        when: 'an administrator writes it out (./madoguchi archive open)'
        def written = app.bean(OpenLinkageArchiveUseCase).open(new LocalGovernmentCode('999997'), kept, out,
                new Operator(Operator.Kind.SYSTEM, 'cli:root', '保管ファイルの復号'))

        then: 'the whole file, owner-only, and an 出力 in the access history'
        written == Files.size(out)
        Files.readString(out, StandardCharsets.UTF_8) == content
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)) == 'rw-------'
        app.bean(org.jdbi.v3.core.Jdbi).withHandle { h ->
            h.createQuery("SELECT detail FROM audit_entry WHERE action = 'EXPORT' AND actor_id = 'cli:root'").mapTo(String).list()
        }.any { it.contains('024o007_20260430000000_DIFF.csv.sealed') }

        when: 'asked to write over an existing file'
        app.bean(OpenLinkageArchiveUseCase).open(new LocalGovernmentCode('999997'), kept, out,
                new Operator(Operator.Kind.SYSTEM, 'cli:root', '保管ファイルの復号'))

        then:
        def refused = thrown(Rejection)
        refused.message.contains('上書きしません')
    }

    def "誤りのあるファイルを今すぐ取り込むと、変更なしで拒否され、報告に行と列と理由が出る"() {
        given:
        Files.createDirectories(app.linkageInbox())
        Files.writeString(app.linkageInbox().resolve('024o007_20260501000000_DIFF.csv'),
                '処理区分,宛名番号,国保世帯番号,記号番号,資格取得年月日,資格喪失年月日\r\n2,0000000019,,国1,20260230,\r\n',
                StandardCharsets.UTF_8)

        when:
        browser.clickAndLoad('#run-now button')

        then:
        browser.text('#ran') == '取込 0 件、取り込めなかったファイル 1 件'
        browser.attribute('#imports tbody tr:first-child', 'data-outcome') == 'REJECTED'

        when:
        browser.clickAndLoad('#imports tbody tr:first-child a')

        then:
        browser.text('#outcome') == 'エラー（変更なし）'
        browser.text('#report').contains('2行目「資格取得年月日」: 暦にない日付です')
        Files.exists(app.linkageInbox().resolve('quarantine/024o007_20260501000000_DIFF.csv.errors.txt'))
        browser.screenshot('21-admin-取込エラー報告')
    }

    def "窓口職員はフリガナで検索し、住民の世帯と資格を見る"() {
        given:
        login('clerk')

        when: 'a search by the first kana of some resident, typed in ひらがな'
        browser.go(app.url('/staff/residents'))
        browser.type('#search-kana input[name=kana]', 'あ')
        browser.clickAndLoad('#search-kana button')

        then: 'the terms went in the body: the address the browser keeps in its history holds none'
        def rows = browser.texts('#results tbody tr')
        !rows.isEmpty()
        browser.texts('#results tbody tr td:nth-child(3)').every { it.startsWith('ア') }
        browser.currentUrl().endsWith('/staff/residents')
        browser.screenshot('22-staff-住民検索')

        when:
        browser.clickAndLoad('#results tbody tr:first-child a')

        then:
        browser.currentPath().startsWith('/staff/residents/')
        def name = browser.text('#name')
        browser.texts('#household tbody tr').any { it.contains(name) }
        browser.texts('#household tbody td.relationship').every { !it.isEmpty() }
        browser.texts('#enrolments th') == ['国民健康保険', '後期高齢者医療', '介護保険', '国民年金', '児童手当', '個人番号カード', '印鑑登録']
        browser.text('#name') != ''
        browser.screenshot('23-staff-住民情報')

        and: 'the search and the view are in the access history, with whom they showed, and the chain holds'
        def number = browser.text('#number')
        def entries = app.bean(org.jdbi.v3.core.Jdbi).withHandle { h ->
            h.createQuery("SELECT action, actor_id, residents FROM audit_entry WHERE actor_id = 'clerk' ORDER BY seq")
                    .map { rs, ctx -> [rs.getString('action'), rs.getString('actor_id'), (rs.getArray('residents').array as String[]) as List] }.list()
        }
        entries.any { it[0] == 'SEARCH_RESIDENTS' && it[2].size() == rows.size() }
        entries.any { it[0] == 'VIEW_RESIDENT' && it[2] == [number] }
        app.bean(jp.madoguchi.application.port.in.VerifyAuditTrailUseCase).verify().intact()

        when: 'terms typed into the address bar'
        browser.go(app.url('/staff/residents?kana=' + URLEncoder.encode('あ', 'UTF-8')))

        then: 'are not searched'
        !browser.exists('#results')
        !browser.exists('#none')

        cleanup: 'the next feature goes on from the resident page'
        browser.go(app.url('/staff/residents/' + number))
    }

    def "4情報で照合すると、一致度の高い順に候補が出る"() {
        given: 'the name of the resident just opened, typed without its space'
        def name = browser.text('#name').replace('\u3000', ' ')
        def number = browser.text('#number')

        when:
        browser.go(app.url('/staff/residents'))
        browser.type('#search-four input[name=name]', name.replace(' ', ''))
        browser.clickAndLoad('#search-four button')

        then:
        browser.attribute('#results tbody tr:first-child', 'data-number') == number
        browser.texts('#results tbody td.score')[0].replaceAll(/\D.*/, '').toInteger() >= 45
    }

    def "ログインの成功と失敗もアクセス記録に残り、パスワードは残らない"() {
        when:
        browser.deleteCookies()
        browser.go(app.url('/staff/login'))
        browser.type('#username', 'clerk')
        browser.type('#password', 'wrong-password-123')
        browser.clickAndLoad('#login')
        login('clerk')
        def entries = app.bean(org.jdbi.v3.core.Jdbi).withHandle { h ->
            h.createQuery("SELECT action || ' ' || actor_id || ' ' || detail FROM audit_entry WHERE action IN ('LOGIN', 'LOGIN_FAILED') ORDER BY seq")
                    .mapTo(String).list()
        }

        then:
        entries.any { it.startsWith('LOGIN_FAILED clerk ログイン失敗（パスワードの誤り、1回目') }
        entries.last() == 'LOGIN clerk ログイン'
        app.bean(org.jdbi.v3.core.Jdbi).withHandle { h ->
            h.createQuery("SELECT count(*) FROM audit_entry WHERE detail LIKE '%wrong-password%' OR actor_name LIKE '%wrong-password%'").mapTo(Integer).one()
        } == 0
    }

    def "統計担当は住民検索も取込履歴も開けない"() {
        when:
        login('supervisor')
        browser.go(app.url('/staff/residents'))

        then:
        browser.currentPath() == '/staff/forbidden'

        when:
        browser.go(app.url('/admin/imports'))

        then:
        browser.currentPath() == '/staff/forbidden'
    }
}
