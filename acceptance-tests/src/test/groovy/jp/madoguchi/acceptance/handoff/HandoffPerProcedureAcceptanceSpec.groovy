package jp.madoguchi.acceptance.handoff

import jp.madoguchi.acceptance.support.GeneratedCodes
import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.Deliveries
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.LinkageFiles
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal
import jp.madoguchi.adapters.devices.cardreader.VirtualMyNumberCard
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase
import jp.madoguchi.application.port.out.MoveOutCertificateCodes
import jp.madoguchi.application.port.out.ResidentRegistry
import jp.madoguchi.domain.moving.MoveOutCertificate
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.resident.HouseholdNumber
import jp.madoguchi.domain.resident.Resident
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import javax.imageio.ImageIO
import java.net.http.HttpClient
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.time.format.DateTimeFormatter

/**
 * 基幹連携を手続ごとに: 事前入力のQRコードを記載台でかざし、窓口が本人を確かめ、聞き取り、印刷し、完了するまでを本物の画面（HTTP）で
 * 通し、連携フォルダに届いた行に、聞き取った値と住民記録の値がそのまま入っていることを確かめる。
 */
class HandoffPerProcedureAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @Shared StaffLogin.Session clerk
    @Shared StaffLogin.Session kiosk
    /** A household of three or more from the demo registry, head first. */
    @Shared List<Resident> family

    def setupSpec() {
        clerk = StaffLogin.overHttp(http, app, 'clerk')
        kiosk = KioskRegistration.register(http, app, 'KIOSK-21', KioskRegistration.pair(http, app, 'KIOSK-21', '本庁1階 記載台21'))
        String household = app.bean(Jdbi).withHandle {
            it.createQuery("""SELECT household_number FROM resident WHERE city_code = '999997' AND status = '1'
                               GROUP BY household_number HAVING count(*) >= 3 ORDER BY household_number LIMIT 1""")
                    .mapTo(String).one()
        }
        family = app.bean(ResidentRegistry).householdMembers(CITY, new HouseholdNumber(household))
                .findAll { !it.status().isRemoved() }.sort { it.relationship().label() == '世帯主' ? 0 : 1 }
    }

    /** The citizen's pre-entry on a phone, shown at the kiosk: a visit for these procedures, nobody identified yet. */
    String preEntry(List<String> procedures) {
        def page = KioskRegistration.post(http, app, '/kiosk/pre-entry', KioskRegistration.anonymous(http, app),
                procedures.collect { 'procedure=' + it }.join('&'))
        def src = (page.body() =~ /id="qr" src="([^"]+)"/)[0][1]
        def code = GeneratedCodes.read(src)
        def slip = KioskRegistration.post(http, app, '/kiosk/pre-entry/scan', kiosk, 'code=' + enc(code))
        assert slip.statusCode() == 303
        jp.madoguchi.acceptance.support.PreEntryVisits.slipNumber(slip.headers().firstValue('Location').get())
    }

    /** The clerk's part: whom it is for (unless known), the answers, the citizen's check, printing, 完了. */
    void serve(String number, Resident who, Map<String, String> answers, StaffLogin.Session by = clerk) {
        if (who != null) {
            step(number, 'identity', 'addresseeNumber=' + who.addresseeNumber().value(), by)
        }
        step(number, 'hearing', '', by)
        if (answers) {
            def saved = KioskRegistration.post(http, app, "/staff/receptions/${number}/forms/answers", by,
                    answers.collect { k, v -> 'answer.' + enc(k) + '=' + enc(v) }.join('&'))
            assert saved.statusCode() == 303: saved.body().find(/id="error"[^<]*<[^>]*>?[^<]*/) ?: saved.statusCode()
        }
        step(number, 'confirm', '', by)
        step(number, 'print', '', by)
        step(number, 'complete', '', by)
    }

    void step(String number, String step, String more = '', StaffLogin.Session by = clerk) {
        def version = app.bean(Jdbi).withHandle {
            it.createQuery('SELECT version FROM reception WHERE number = :n').bind('n', number).mapTo(Long).one()
        }
        def answer = KioskRegistration.post(http, app, "/staff/receptions/${number}/${step}", by,
                "version=${version}" + (more ? '&' + more : ''))
        assert answer.statusCode() == 303: "${step}: ${answer.statusCode()}"
    }

    /** The rows delivered to the RPA folder for a visit's procedure, as column → value, waiting for the job. */
    List<Map<String, String>> delivered(String layout, String number, String procedure, int rows = 1) {
        Deliveries.rows(app, layout, number, procedure, rows)
    }

    static String enc(String s) {
        URLEncoder.encode(s, StandardCharsets.UTF_8)
    }

    String birth(Resident r) {
        r.birthDate().toLocalDate().map { it.format(YMD) }.orElse(r.birthDate().format())
    }

    @Unroll
    def "#title: 聞き取った値と住民記録の値が、証明書等交付申請データの行にそのまま入る"() {
        given:
        def head = family[0]

        when:
        def number = preEntry([procedure])
        serve(number, head, answers)
        def row = delivered('CERTIFICATE_REQUEST', number, procedure)[0]

        then:
        row['受付番号'] == number
        row['受付経路'] == '事前入力'
        row['証明書コード'] == procedure
        row['証明書の種類'] == title
        row['宛名番号'] == head.addresseeNumber().value()
        row['氏名'] == head.nameForDisplay()
        row['生年月日'] == birth(head)
        row['住所'] == head.address().fullText()
        expected.every { column, value -> row[column] == value }
        row['完了操作者'] == 'clerk'

        where:
        title           | procedure              | answers                                                            || expected
        '住民票の写し'      | 'RESIDENT_CERTIFICATE' | [請求者との関係: '本人', 通数: '2', 請求の範囲: '一部', 使用目的: '勤務先に提出'] || [請求者区分: '本人', 通数: '2', 範囲: '一部', 使用目的: '勤務先に提出']
        '印鑑登録証明書'    | 'SEAL_CERTIFICATE'     | [請求者との関係: '本人', 通数: '3']                                 || [通数: '3', 範囲: '', 戸籍の種類: '']
        '戸籍証明書'       | 'KOSEKI_CERTIFICATE'   | [請求者との関係: '代理人', 戸籍の種類: '戸籍抄本', 通数: '1']             || [請求者区分: '代理人', 戸籍の種類: '戸籍抄本', 通数: '1']
        '税務証明書（所得・課税証明）' | 'TAX_CERTIFICATE' | [請求者との関係: '本人', 証明書の種類: '課税証明', 年度: '令和8年度', 通数: '1'] || [税証明の種類: '課税証明', 年度: '令和8年度']
    }

    @Unroll
    def "#title: 世帯員ごとの住民異動届データに、続柄と異動の値が一人ずつ入る"() {
        given:
        def head = family[0]

        when:
        def number = preEntry([procedure])
        serve(number, head, answers + [届出人との関係: '世帯主'])
        def rows = delivered('RESIDENT_MOVE', number, procedure, family.size())

        then: 'one row per member of the household, each with its own 続柄 and birth date'
        rows*.get('氏名') as Set == family*.nameForDisplay() as Set
        rows.collectEntries { [(it['氏名']): it['続柄']] } == family.collectEntries { [(it.nameForDisplay()): it.relationship().label()] }
        rows.collectEntries { [(it['氏名']): it['生年月日']] } == family.collectEntries { [(it.nameForDisplay()): birth(it)] }
        rows.every { it['性別'] in ['1', '2', '9'] && it['世帯主氏名'] == head.headOfHouseholdName() }

        and: 'the move as heard, the same on every row'
        rows.every { it['異動の種類'] == kind && it['異動事由'] == code && it['届出人との関係'] == '世帯主' }
        rows.every { r -> expected.every { column, value -> r[column] == value } }

        where:
        title  | procedure                       | answers                                                        || kind   | code | expected
        '転出届' | 'MOVE_OUT_NOTIFICATION'         | [転出先: '見本県となり市緑町5番6号', 転出予定日: '2026-12-20', 異動年月日: '2026-12-20'] || '転出' | '03' | [転出先住所: '見本県となり市緑町5番6号', 転出予定年月日: '20261220', 異動年月日: '20261220']
        '転居届' | 'MOVE_WITHIN_CITY_NOTIFICATION' | [新住所: '見本県みらい市栄町二丁目3番4号', 異動年月日: '2026-11-15']            || '転居' | '02' | [新住所: '見本県みらい市栄町二丁目3番4号', 異動年月日: '20261115']
        '世帯分離' | 'HOUSEHOLD_CHANGE_NOTIFICATION' | [新世帯主: family[1].nameForDisplay(), 異動年月日: '2026-11-18']            || '世帯変更' | '04' | [新世帯主: family[1].nameForDisplay(), 異動年月日: '20261118']
    }

    def "転入（紙の転出証明書）: 前住所・続柄・転出証明書番号は証明書から、異動日は聞き取りから、一行で届く"() {
        given:
        def certificate = new MoveOutCertificate('R8-004711', new LocalGovernmentCode('999989'), '転入 二郎', 'テンニュウ ジロウ',
                LocalDate.of(1988, 2, 29), null, Sex.MALE, '世帯主', '転入 二郎', '見本県となり市緑町7番8号',
                '見本県みらい市本町二丁目9番10号', LocalDate.of(2026, 11, 19), '見本県となり市緑町7番地', '転入 二郎',
                new MoveOutCertificate.BusinessStatuses('1', null, null, '1', null))

        when: 'the handheld scanner at the kiosk types the certificate code'
        def slip = KioskRegistration.post(http, app, '/kiosk/move-in/certificate', kiosk,
                'code=' + enc(app.bean(MoveOutCertificateCodes).write(certificate)))
        def number = slip.headers().firstValue('Location').get() - '/kiosk/move-in/'
        serve(number, null, [異動年月日: '2026-11-21', 届出人との関係: '本人'])
        def row = delivered('RESIDENT_MOVE', number, 'MOVE_IN_NOTIFICATION')[0]
        def read = delivered('MOVE_OUT_CERTIFICATE', number, 'MOVE_IN_NOTIFICATION')[0]

        then:
        slip.statusCode() == 303
        row['異動の種類'] == '転入'
        row['異動事由'] == '01'
        row['氏名'] == '転入 二郎'
        row['生年月日'] == '19880229'
        row['性別'] == '1'
        row['続柄'] == '世帯主'
        row['前住所'] == '見本県となり市緑町7番8号'
        row['転出証明書番号'] == 'R8-004711'
        row['異動年月日'] == '20261121'
        row['宛名番号'] == ''

        and: 'the certificate itself, as read, for the core system to match'
        read['転出証明書番号'] == 'R8-004711'
        read['転出元市区町村コード'] == '999989'
        read['旧住所'] == '見本県となり市緑町7番8号'
        read['転出先住所'] == '見本県みらい市本町二丁目9番10号'
        read['転出予定年月日'] == '20261119'
        read['本籍'] == '見本県となり市緑町7番地'
        read['性別'] == '1'
    }

    def "特例転入（マイナンバーカード）: 住基ネットから届いた転出証明書情報がカードの個人番号で見つかり、その内容のまま届く"() {
        given: 'the 転出証明書情報 the previous city sent, imported as linkage 001o009'
        def number = IndividualNumber.fromFirstElevenDigits('31415926535')
        LinkageFiles.importMoveOutCertificates(app, [['R8-009901', '999989', '特例 三郎', 'トクレイ サブロウ', '19900315', '1',
                '世帯主', '特例 三郎', '見本県となり市港町3番4号', '見本県みらい市栄町一丁目5番6号', '20261118', number.reveal(),
                '見本県となり市港町3番地', '特例 三郎']])

        and: "the citizen's card on the kiosk reader"
        def reader = app.bean(SimulatedCardTerminal)
        def demoCard = reader.card().orElse(null)
        reader.place(VirtualMyNumberCard.of(new CardFace('特例 三郎', '見本県となり市港町3番4号', '19900315', Sex.MALE), number, '1234'))
        def browser = Browser.open()

        when: 'the citizen chooses 転入届 at the kiosk and reads the card'
        browser.go(app.url('/kiosk/identify?procedure=MOVE_IN_NOTIFICATION'))
        browser.click('.keypad button[data-clear]')
        '1234'.each { browser.click(".keypad button[data-digit='${it}']") }
        browser.clickAndLoad('#read-card')
        def basis = browser.text('#basis')
        def reception = browser.attribute('#to-slip', 'href').replaceAll('.*/', '')

        and: 'the clerk serves the visit'
        serve(reception, null, [異動年月日: '2026-11-22', 届出人との関係: '本人'])
        def row = delivered('RESIDENT_MOVE', reception, 'MOVE_IN_NOTIFICATION')[0]
        def read = delivered('MOVE_OUT_CERTIFICATE', reception, 'MOVE_IN_NOTIFICATION')[0]

        then:
        basis == '特例転入（マイナンバーカード）'
        row['異動事由'] == '01'
        row['氏名'] == '特例 三郎'
        row['生年月日'] == '19900315'
        row['前住所'] == '見本県となり市港町3番4号'
        row['異動年月日'] == '20261122'
        read['転出証明書番号'] == 'R8-009901'
        read['転出元市区町村コード'] == '999989'
        read['転出予定年月日'] == '20261118'
        read.values().every { !it.contains(number.reveal()) }

        cleanup:
        browser?.close()
        reader?.place(demoCard)
    }

    def "券面事項: 個人番号は個人番号利用事務の職員の完了でだけ、市の連携鍵で封緘されて届き、ほかの完了では空で理由が残る"() {
        given: 'a resident whose 個人番号 the registry holds'
        String addressee = app.bean(Jdbi).withHandle {
            it.createQuery("SELECT min(addressee_number) FROM resident WHERE individual_number_sealed IS NOT NULL AND status = '1'")
                    .mapTo(String).one()
        }
        def who = app.bean(ResidentRegistry).find(CITY, new AddresseeNumber(addressee)).get()
        def plain = app.bean(ResidentRegistry).individualNumberOf(CITY, who.addresseeNumber()).get().reveal()
        def numberClerk = StaffLogin.overHttp(http, app, 'mynumber')

        when:
        def sealedVisit = preEntry(['CARD_FACE_CHANGE'])
        serve(sealedVisit, who, [変更の事由: '住所'], numberClerk)
        def plainVisit = preEntry(['CARD_FACE_CHANGE'])
        serve(plainVisit, who, [変更の事由: '住所'])
        def sealed = delivered('CARD_FACE', sealedVisit, 'CARD_FACE_CHANGE')[0]
        def withheld = delivered('CARD_FACE', plainVisit, 'CARD_FACE_CHANGE')[0]
        def key = jp.madoguchi.adapters.security.crypto.DataKey.load('', app.dataDir().resolve('secrets/handoff-key'))
        def opener = new jp.madoguchi.adapters.security.crypto.AesGcmHandoffSealing(key)

        then: 'the file never holds the number in plain; the core system opens it with the hand-off key'
        sealed['個人番号'].startsWith('v1:')
        !Files.list(app.exportFolder()).withCloseable { s -> s.toList() }.any { new String(Files.readAllBytes(it), StandardCharsets.UTF_8).contains(plain) }
        opener.open(sealed['個人番号'], "999997-${sealedVisit}-CARD_FACE_CHANGE".toString()) == plain
        sealed['氏名'] == who.nameForDisplay()
        sealed['変更の事由'] == '住所'

        and: 'a clerk without 個人番号利用事務 finishes: empty, and the reason is on the delivery'
        withheld['個人番号'] == ''
        app.bean(Jdbi).withHandle {
            it.createQuery("SELECT array_to_string(missing, ' ') FROM handoff_record WHERE reception = :n").bind('n', plainVisit).mapTo(String).one()
        }.contains('個人番号利用事務の職員の完了でないため')
    }

    def "国保の加入と児童手当の認定請求: 担当課ごとのレイアウトに、その手続の聞き取りが入る"() {
        given:
        def head = family[0]

        when:
        def nhi = preEntry(['NHI_ENROLMENT'])
        serve(nhi, head, [資格取得年月日: '2026-11-20', 資格取得の理由: '転入', 届出人との関係: '本人'])
        def allowance = preEntry(['CHILD_ALLOWANCE_CLAIM'])
        serve(allowance, head, [対象児童数: '2', 振込先口座: 'みらい銀行 本店 普通 1234567'])

        then:
        with(delivered('NHI_ENROLMENT', nhi, 'NHI_ENROLMENT')[0]) {
            it['宛名番号'] == head.addresseeNumber().value()
            it['資格取得年月日'] == '20261120'
            it['資格取得の理由'] == '転入'
            it['届出人との関係'] == '本人'
        }
        with(delivered('CHILD_ALLOWANCE_CLAIM', allowance, 'CHILD_ALLOWANCE_CLAIM')[0]) {
            it['請求者氏名'] == head.nameForDisplay()
            it['対象児童数'] == '2'
            it['振込先口座'] == 'みらい銀行 本店 普通 1234567'
        }
    }
}
