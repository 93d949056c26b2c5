package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

import java.nio.charset.Charset
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.time.ZoneId

/**
 * 人事異動の一括登録: the administrator reads the personnel system's CSV (Excel's Shift_JIS); a broken file changes
 * nothing and names its lines; a good one adds members with one-time passwords and ends the accounts whose last day
 * has passed — they no longer log in, on their own.
 */
@Stepwise
class StaffImportAcceptanceSpec extends Specification {

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared @AutoCleanup Browser browser = Browser.open()
    @Shared @TempDir Path work
    @Shared String oneTimePassword

    static final LocalDate TODAY = LocalDate.now(ZoneId.of('Asia/Tokyo'))

    def "誤りのあるファイルはだれも変えず、誤りを行番号つきで示す"() {
        given:
        def file = csv('broken.csv', "ユーザーID,氏名,役割,開始日,終了日\r\nsato.ichiro,佐藤 一郎,CLERK,,\r\nkato,,NO_SUCH,2027-02-30,\r\n")
        StaffLogin.inBrowser(browser, app, 'admin')
        browser.go(app.url('/admin/staff'))

        when:
        browser.upload('#staff-file', file)
        browser.clickAndLoad('#import-staff-button')

        then:
        def problems = browser.texts('#import-problems li')
        problems.contains('3行目: 氏名がありません')
        problems.any { it.startsWith('3行目: 役割「NO_SUCH」はありません') }
        problems.any { it.startsWith('3行目: 開始日「2027-02-30」は日付として読めません') }
        members('sato.ichiro') == 0
        browser.screenshot('60-admin-一括登録の誤り')
    }

    def "正しいファイルで新しい職員を一時パスワードで加え、昨日で終わる職員はログインできなくなる"() {
        given: 'Excel saved it in Shift_JIS; the clerk transfers out yesterday, a new member starts today'
        def file = csv('jinji.csv', "ユーザーID,氏名,役割,開始日,終了日\r\nsato.ichiro,佐藤 一郎,CLERK,${TODAY},\r\n"
                + "clerk,窓口 一郎,CLERK,,${TODAY.minusDays(1)}\r\n")
        browser.go(app.url('/admin/staff'))

        when:
        browser.upload('#staff-file', file)
        browser.clickAndLoad('#import-staff-button')

        then:
        browser.text('#import-done') == '登録しました: 追加 1 名、変更 1 名'
        def row = browser.texts("#created tr[data-username='sato.ichiro'] td")
        row[1] == '佐藤 一郎'
        (oneTimePassword = row[2]).length() >= 12
        browser.screenshot('61-admin-一括登録の結果')

        when:
        browser.go(app.url('/admin/staff'))

        then:
        browser.text("tr[data-username='clerk'] .state").startsWith('期間終了')
        browser.text("tr[data-username='sato.ichiro'] .roles") == '窓口担当'

        when: 'the clerk tries to log in with the right password'
        browser.deleteCookies()
        browser.go(app.url('/staff/login'))
        browser.type('#username', 'clerk')
        browser.type('#password', RunningMadoguchi.DEMO_PASSWORD)
        browser.clickAndLoad('#login')

        then:
        browser.currentPath() == '/staff/login'
        browser.text('#error').contains('で終わりました')

        when: 'the new member logs in with the one-time password'
        browser.type('#username', 'sato.ichiro')
        browser.type('#password', oneTimePassword)
        browser.clickAndLoad('#login')

        then: 'and is asked for a password of their own first'
        browser.exists('#new-password')
    }

    private Path csv(String name, String text) {
        Files.write(work.resolve(name), text.getBytes(Charset.forName('windows-31j')))
    }

    private long members(String username) {
        app.bean(Jdbi).withHandle { it.createQuery('SELECT count(*) FROM staff_account WHERE username = :u').bind('u', username).mapTo(Long).one() }
    }
}
