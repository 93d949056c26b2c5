package jp.madoguchi.acceptance.handoff

import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.nio.file.Files

/**
 * 基幹連携の取得APIと管理画面: 管理者が基幹系ごとの認証情報を発行し（一度だけ表示）、基幹系は受領を確認するまで同じ記録を受け取り、
 * 取り消された認証情報は断られる。市のレイアウトの写しは、ビルドし直さずに次の完了から出力を変える。
 */
@Stepwise
class HandoffApiAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @Shared StaffLogin.Session admin
    @Shared StaffLogin.Session clerk
    @Shared String token
    @Shared String first

    def setupSpec() {
        admin = StaffLogin.overHttp(http, app, 'admin')
        clerk = StaffLogin.overHttp(http, app, 'clerk')
    }

    /** A 住民票 visit served at the counter with 通数 and 範囲 heard, finished; its number. */
    String finishedVisit(String copies) {
        String resident = app.bean(Jdbi).withHandle {
            it.createQuery("SELECT min(addressee_number) FROM resident WHERE status = '1'").mapTo(String).one()
        }
        String number = app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY,
                Channel.KIOSK, new AddresseeNumber(resident), ['RESIDENT_CERTIFICATE'], Operator.kiosk('KIOSK-01'), null))
                .number().value()
        step(number, 'hearing')
        assert KioskRegistration.post(http, app, "/staff/receptions/${number}/forms/answers", clerk,
                "answer.${enc('通数')}=${copies}&answer.${enc('請求の範囲')}=${enc('一部')}&answer.${enc('請求者との関係')}=${enc('本人')}")
                .statusCode() == 303
        ['confirm', 'print', 'complete'].each { step(number, it) }
        number
    }

    void step(String number, String step) {
        def version = app.bean(Jdbi).withHandle {
            it.createQuery('SELECT version FROM reception WHERE number = :n').bind('n', number).mapTo(Long).one()
        }
        assert KioskRegistration.post(http, app, "/staff/receptions/${number}/${step}", clerk, "version=${version}").statusCode() == 303
    }

    HttpResponse<String> api(String method, String path, String bearer, String form = null) {
        def request = HttpRequest.newBuilder(URI.create(app.url(path)))
        if (bearer != null) {
            request.header('Authorization', 'Bearer ' + bearer)
        }
        if (method == 'POST') {
            request.header('Content-Type', 'application/x-www-form-urlencoded').POST(HttpRequest.BodyPublishers.ofString(form))
        }
        http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }

    /** A JSON answer as maps and lists, read by the server's own mapper. */
    Map json(String body) {
        app.bean(io.micronaut.json.JsonMapper).readValue(body, Map)
    }

    static String enc(String s) {
        URLEncoder.encode(s, StandardCharsets.UTF_8)
    }

    def "管理者が基幹系を登録すると、認証情報はその画面で一度だけ表示され、一覧には出ない"() {
        when:
        def issued = KioskRegistration.post(http, app, '/admin/handoff/clients', admin, 'name=' + enc('住民記録システム'))
        token = (issued.body() =~ /<pre id="token">(mdh_[A-Za-z0-9_-]{43})<\/pre>/)[0][1]
        def later = KioskRegistration.get(http, app, '/admin/handoff', admin)

        then:
        issued.statusCode() == 200
        issued.headers().firstValue('Cache-Control').get() == 'no-store'
        later.body().contains('住民記録システム')
        !later.body().contains(token)
        app.bean(Jdbi).withHandle { it.createQuery('SELECT count(*) FROM handoff_client WHERE token_sha256 = :t').bind('t', token).mapTo(Integer).one() } == 0
    }

    def "基幹系は受領を確認するまで同じ記録を受け取り（途中で落ちても飛ばさない）、確認した先から続ける"() {
        given:
        first = finishedVisit('2')
        def second = finishedVisit('3')

        when: 'the core system reads, and crashes before acknowledging'
        def read = json(api('GET', '/api/v1/handoff/records?limit=1', token).body())
        def again = json(api('GET', '/api/v1/handoff/records?limit=1', token).body())

        then:
        read.client == '住民記録システム'
        read.records*.reception == [first]
        again.records*.id == read.records*.id
        read.records[0].layout == 'CERTIFICATE_REQUEST'
        read.records[0].key == "999997-${first}-RESIDENT_CERTIFICATE".toString()
        read.records[0].columns['通数'] == '2'
        read.records[0].columns['範囲'] == '一部'
        read.records[0].columns['受付番号'] == first

        when: 'it acknowledges the first and reads on'
        def ack = json(api('POST', '/api/v1/handoff/ack', token, "through=${read.next}").body())
        def rest = json(api('GET', '/api/v1/handoff/records', token).body())

        then:
        ack.acknowledgedThrough == read.next
        rest.records*.reception == [second]
        rest.records[0].columns['通数'] == '3'

        when: 'the same records as one CSV of the layout, from the start'
        def csv = api('GET', '/api/v1/handoff/records.csv?layout=CERTIFICATE_REQUEST&after=0', token)
        def lines = csv.body().split('\r\n')

        then:
        csv.headers().firstValue('Content-Type').get().startsWith('text/csv')
        lines[0].startsWith('"連携ID","受付番号","地方公共団体コード","受付番号"')
        lines.size() == 3
        lines[1].contains("\"${first}\"") && lines[1].contains('"一部"')

        and: 'every call is in the access history'
        app.bean(Jdbi).withHandle { it.createQuery("SELECT count(*) FROM audit_entry WHERE purpose = '基幹連携API' AND action = 'EXPORT'").mapTo(Integer).one() } >= 5
    }

    def "誤った認証情報・ない認証情報・取り消された認証情報は、401 で何も渡さない"() {
        expect:
        api('GET', '/api/v1/handoff/records', null).statusCode() == 401
        api('GET', '/api/v1/handoff/records', 'mdh_' + 'x' * 43).statusCode() == 401
        api('POST', '/api/v1/handoff/ack', 'wrong', 'through=1').statusCode() == 401

        when:
        def id = app.bean(Jdbi).withHandle { it.createQuery("SELECT id FROM handoff_client WHERE name = '住民記録システム'").mapTo(Long).one() }
        def revoked = KioskRegistration.post(http, app, '/admin/handoff/clients/revoke', admin, "id=${id}")
        def refused = api('GET', '/api/v1/handoff/records', token)

        then:
        revoked.statusCode() == 303
        refused.statusCode() == 401
        json(refused.body()).error.contains('取り消されています')
        !refused.body().contains(first)
    }

    def "管理画面に、受付ごと送り先ごとの送信済みの記録と場所が並ぶ"() {
        when:
        def page = KioskRegistration.get(http, app, '/admin/handoff?state=DELIVERED', admin)
        for (int i = 0; i < 50 && !page.body().contains("/staff/receptions/${first}"); i++) {
            Thread.sleep(100)
            page = KioskRegistration.get(http, app, '/admin/handoff?state=DELIVERED', admin)
        }

        then:
        page.statusCode() == 200
        page.body().contains("/staff/receptions/${first}")
        page.body().contains('data-state="DELIVERED"')
        page.body().contains('RPAフォルダ')

        when: 'the administrator looks at how the layouts in force write a finished visit'
        def preview = KioskRegistration.get(http, app, "/admin/handoff/preview?number=${first}", admin)
        def unknown = KioskRegistration.get(http, app, '/admin/handoff/preview?number=20991231-0001', admin)

        then:
        preview.statusCode() == 200
        preview.body().contains('data-layout="CERTIFICATE_REQUEST"')
        preview.body().contains('<th>通数</th><td>2</td>')
        preview.body().contains('<th>範囲</th><td>一部</td>')
        unknown.statusCode() == 422
        unknown.body().contains('受付はありません')
        app.bean(Jdbi).withHandle { it.createQuery("SELECT count(*) FROM audit_entry WHERE detail LIKE '連携記録の出力を確認%'").mapTo(Integer).one() } == 1
    }

    def "市のレイアウトの写し（列名・順序・日付の書式）は、ビルドし直さずに次の完了から効く"() {
        given:
        Files.createDirectories(app.dataDir().resolve('handoff/layouts'))
        Files.writeString(app.dataDir().resolve('handoff/layouts/CERTIFICATE_REQUEST.layout'), '''
レイアウト: CERTIFICATE_REQUEST
名称: 証明書交付（みらい市の基幹系の形）
手続: RESIDENT_CERTIFICATE
単位: 手続ごと
列: KOFU_SU = 通数 [0埋め 3]
列: UKETSUKE_NO = 受付番号
列: SEINENGAPPI = 生年月日 [和暦]
列: HANI = 請求の範囲
''')

        when:
        def number = finishedVisit('4')
        def file = app.exportFolder().resolve("CERTIFICATE_REQUEST_999997-${number}-RESIDENT_CERTIFICATE.csv")
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(100)
        }
        def lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\uFEFF', '').split('\r\n')

        then:
        lines[0] == '"KOFU_SU","UKETSUKE_NO","SEINENGAPPI","HANI"'
        lines[1].startsWith("\"004\",\"${number}\",\"")
        lines[1] =~ /"(明治|大正|昭和|平成|令和)[^"]*年[^"]*"/
        lines[1].endsWith('"一部"')
    }
}
