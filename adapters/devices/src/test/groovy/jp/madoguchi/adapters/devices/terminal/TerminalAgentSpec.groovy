package jp.madoguchi.adapters.devices.terminal

import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal
import jp.madoguchi.adapters.devices.cardreader.TextApCardReader
import jp.madoguchi.adapters.devices.cardreader.VirtualMyNumberCard
import jp.madoguchi.adapters.postgres.DatabaseSpecification
import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.application.port.out.CardReading
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

/**
 * 端末エージェント: この PC の Madoguchi の画面にだけカード読み取りを貸し、サーバーが出した問いにだけ、
 * 端末の鍵で封をした読み取り結果で答える。個人番号は問いが許すときだけ読む。
 */
class TerminalAgentSpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = LocalGovernmentCode.fromFiveDigits('99998')
    static final String SERVER = 'http://madoguchi.example:8080'
    static final IndividualNumber NUMBER = IndividualNumber.fromFirstElevenDigits('12345678901')
    static final CardFace FACE = new CardFace('見本 花子', '見本県みらい市本町一丁目1番1号', '19850401', Sex.FEMALE)

    // Java's HTTP client refuses to set Host and Origin; these tests speak HTTP/1.1 over a socket for them
    def clock = Clock.fixed(Instant.parse('2026-11-22T01:00:00Z'), ZoneOffset.UTC)
    def card = VirtualMyNumberCard.of(FACE, NUMBER, '1234')
    JdbiPairedTerminals terminals
    SealedTerminalCardChannel server
    TerminalAgent agent

    def setup() {
        terminals = new JdbiPairedTerminals(jdbi, Fixtures.sensitiveItems())
        server = new SealedTerminalCardChannel(terminals, new JdbiIssuedChallenges(jdbi), clock)
        def token = terminals.pair(CITY, 'KIOSK-07', '本庁1階 記載台7', Operator.staff('admin', '管理者'), clock.instant())
        agent = TerminalAgent.start(new TerminalAgent.Settings('KIOSK-07', token, [SERVER] as Set, 0),
                new TextApCardReader(new SimulatedCardTerminal(card)), clock)
    }

    def cleanup() {
        agent?.close()
    }

    def "サーバーの問いに答えた封をサーバーが開くと、カードの基本4情報になる（個人番号は許されたときだけ）"() {
        given:
        def challenge = server.challenge(CITY, 'KIOSK-07', allowNumber).orElseThrow()

        when:
        def answer = read('1234', challenge)
        def reading = server.open(CITY, 'KIOSK-07', answer.reading) as CardReading.Read

        then:
        answer.ok == true
        !answer.reading.contains('見本')
        reading.face() == FACE
        (reading.individualNumber() == NUMBER) == allowNumber
        (reading.individualNumber() == null) == !allowNumber

        where:
        allowNumber << [false, true]
    }

    def "在留カード: 画面の番号で開いたチップの答えは、番号と種別だけを封にして、サーバーが一度だけ開ける"() {
        given: 'a 在留カード on the same reader instead'
        def residenceAgent = TerminalAgent.start(new TerminalAgent.Settings('KIOSK-09',
                terminals.pair(CITY, 'KIOSK-09', '記載台9', Operator.staff('admin', '管理者'), clock.instant()), [SERVER] as Set, 0),
                new jp.madoguchi.adapters.devices.cardreader.IcCardReader(new SimulatedCardTerminal(
                        jp.madoguchi.adapters.devices.cardreader.VirtualResidenceCard.of('AB12345678CD'))), clock)
        agent.close()
        agent = residenceAgent

        when:
        def answer = readResidenceCard('ab12345678cd', server.challenge(CITY, 'KIOSK-09', false).orElseThrow())
        def wrong = readResidenceCard('AB12345678CE', server.challenge(CITY, 'KIOSK-09', false).orElseThrow())

        then:
        answer.ok == true
        !answer.reading.contains('AB12345678CD')
        server.open(CITY, 'KIOSK-09', answer.reading) == new CardReading.ResidenceCard('AB12345678CD', '在留カード')
        (server.open(CITY, 'KIOSK-09', answer.reading) as CardReading.Failed).reason() == CardReading.Reason.UNTRUSTED_READING
        wrong.ok == false
        wrong.message == '在留カード番号がカードと一致しません。カードの右上の番号を確かめて、もう一度入力してください。'
        wrong.reading == null
    }

    def "同じ読み取り結果は一度しか使えない"() {
        given:
        def answer = read('1234', server.challenge(CITY, 'KIOSK-07', false).orElseThrow())

        expect:
        server.open(CITY, 'KIOSK-07', answer.reading) instanceof CardReading.Read
        (server.open(CITY, 'KIOSK-07', answer.reading) as CardReading.Failed).reason() == CardReading.Reason.UNTRUSTED_READING
    }

    def "問いを出したのと別のサーバーが答えを開ける（問いはデータベースにある）。それでも一度だけ"() {
        given: 'a second server on the same database'
        def other = new SealedTerminalCardChannel(new JdbiPairedTerminals(jdbi, Fixtures.sensitiveItems()),
                new JdbiIssuedChallenges(jdbi), clock)
        def answer = read('1234', server.challenge(CITY, 'KIOSK-07', true).orElseThrow())

        expect:
        (other.open(CITY, 'KIOSK-07', answer.reading) as CardReading.Read).individualNumber() == NUMBER
        server.open(CITY, 'KIOSK-07', answer.reading) instanceof CardReading.Failed
    }

    def "期限（5分）を過ぎた問いへの答えは、サーバーが受け付けない"() {
        given:
        def answer = read('1234', server.challenge(CITY, 'KIOSK-07', false).orElseThrow())
        def later = new SealedTerminalCardChannel(terminals, new JdbiIssuedChallenges(jdbi),
                Clock.offset(clock, SealedTerminalCardChannel.CHALLENGE_LIFETIME.plusSeconds(1)))

        expect:
        (later.open(CITY, 'KIOSK-07', answer.reading) as CardReading.Failed).reason() == CardReading.Reason.UNTRUSTED_READING
    }

    def "他の端末の名での提出・改ざん・登録を取り消した端末は信用しない"() {
        given:
        terminals.pair(CITY, 'KIOSK-08', '記載台8', Operator.staff('admin', '管理者'), clock.instant())
        def answer = read('1234', server.challenge(CITY, 'KIOSK-07', false).orElseThrow())
        def tampered = answer.reading.substring(0, 40) + (answer.reading.charAt(40) == 'A' ? 'B' : 'A') + answer.reading.substring(41)

        expect:
        (server.open(CITY, 'KIOSK-08', answer.reading) as CardReading.Failed).reason() == CardReading.Reason.UNTRUSTED_READING
        (server.open(CITY, 'KIOSK-07', tampered) as CardReading.Failed).reason() == CardReading.Reason.UNTRUSTED_READING

        when:
        terminals.revoke(CITY, 'KIOSK-07', clock.instant())

        then:
        server.open(CITY, 'KIOSK-07', answer.reading) instanceof CardReading.Failed
        server.challenge(CITY, 'KIOSK-07', false).isEmpty()
    }

    def "登録し直すと古いトークンのエージェントは問いを開けず、カードに触れない"() {
        given:
        terminals.pair(CITY, 'KIOSK-07', '本庁1階 記載台7', Operator.staff('admin', '管理者'), clock.instant())

        when:
        def answer = read('1234', server.challenge(CITY, 'KIOSK-07', false).orElseThrow())

        then:
        answer.status == 403
        answer.ok == false
        answer.message.contains('登録')
        card.triesLeft() == 3
    }

    def "誤った暗証番号は残り回数とともにそのまま画面へ伝わり、封をした結果は出さない"() {
        when:
        def answer = read('9999', server.challenge(CITY, 'KIOSK-07', false).orElseThrow())

        then:
        answer.ok == false
        answer.reason == 'WRONG_PIN'
        answer.triesLeft == 2
        answer.message == '暗証番号が違います。あと2回間違えるとカードがロックされます。'
        answer.reading == null
    }

    def "問いの期限が切れていればカードに触れない"() {
        given:
        def challenge = server.challenge(CITY, 'KIOSK-07', false).orElseThrow()
        agent.close()
        def later = Clock.offset(clock, Duration.ofMinutes(10))
        agent = TerminalAgent.start(new TerminalAgent.Settings('KIOSK-07', tokenOf(), [SERVER] as Set, 0),
                new TextApCardReader(new SimulatedCardTerminal(card)), later)

        when:
        def answer = read('1234', challenge)

        then:
        answer.reason == 'EXPIRED'
        card.triesLeft() == 3
    }

    def "他のサイトのページ・Origin のない要求・ループバック以外の Host 名には答えない"() {
        given:
        def challenge = server.challenge(CITY, 'KIOSK-07', false).orElseThrow()
        def body = "pin=1234&challenge=${challenge}"

        expect: 'a page from another site'
        raw('POST', '/v1/card/read', "127.0.0.1:${agent.port()}", 'https://evil.example', body).startsWith('HTTP/1.1 403')

        and: 'a tool without an Origin may look at the status but not read the card'
        raw('GET', '/v1/status', "127.0.0.1:${agent.port()}", null, null).startsWith('HTTP/1.1 200')
        raw('POST', '/v1/card/read', "127.0.0.1:${agent.port()}", null, body).startsWith('HTTP/1.1 403')

        and: 'DNS rebinding: the right origin but a foreign Host name'
        raw('POST', '/v1/card/read', "evil.example:${agent.port()}", SERVER, body).startsWith('HTTP/1.1 403')

        and: 'the card was never touched'
        card.triesLeft() == 3

        and: 'the Madoguchi page is answered, with CORS for its origin only'
        def allowed = raw('POST', '/v1/card/read', "127.0.0.1:${agent.port()}", SERVER, body)
        allowed.startsWith('HTTP/1.1 200')
        allowed.toLowerCase().contains("access-control-allow-origin: ${SERVER}")
    }

    def "状態の問い合わせは暗証番号を試さずに残り回数を答える"() {
        when:
        def status = raw('GET', '/v1/status', "localhost:${agent.port()}", SERVER, null)

        then:
        status.contains('"terminal":"KIOSK-07"')
        status.contains('"triesLeft":3')
        card.triesLeft() == 3
    }

    def "スキャナーのフォルダの新しい画像の二次元コードを返し、見た画像はすべて消す（Madoguchi の画面にだけ）"() {
        given:
        def folder = java.nio.file.Files.createTempDirectory('scanner')
        def zxing = new jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes()
        agent.close()
        agent = TerminalAgent.start(new TerminalAgent.Settings('KIOSK-07', tokenOf(), [SERVER] as Set, 0, folder),
                new TextApCardReader(new SimulatedCardTerminal(card)), zxing, Clock.systemUTC())
        java.nio.file.Files.write(folder.resolve('old.png'), zxing.qrPng('OLD', 300))
        java.nio.file.Files.setLastModifiedTime(folder.resolve('old.png'),
                java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofMinutes(10))))
        java.nio.file.Files.write(folder.resolve('new.png'), zxing.qrPng('MOC1|R8-000123', 300))

        expect: 'not for a page of another site'
        raw('GET', '/v1/scanner/latest', "127.0.0.1:${agent.port()}", 'https://evil.example', null).startsWith('HTTP/1.1 403')
        raw('GET', '/v1/scanner/latest', "127.0.0.1:${agent.port()}", null, null).startsWith('HTTP/1.1 403')

        when:
        def answer = flatJson(body(raw('GET', '/v1/scanner/latest', "127.0.0.1:${agent.port()}", SERVER, null)))

        then: 'the fresh scan, and nothing left behind'
        answer.ok == true
        answer.text == 'MOC1|R8-000123'
        java.nio.file.Files.list(folder).count() == 0

        when:
        def none = flatJson(body(raw('GET', '/v1/scanner/latest', "127.0.0.1:${agent.port()}", SERVER, null)))

        then:
        none.ok == false
        none.message.contains('新しい画像が届いていません')
    }

    private static String body(String response) {
        response.substring(response.indexOf('\r\n\r\n') + 4)
    }

    private String tokenOf() {
        // the agent restarted with the same key: re-pairing would change it, so read it back from the sealed row
        def seal = terminals.sealOf(CITY, 'KIOSK-07').orElseThrow()
        'mdgp1.' + Base64.urlEncoder.withoutPadding().encodeToString(seal.@key.encoded)
    }

    private Map read(String pin, String challenge) {
        def response = raw('POST', '/v1/card/read', "127.0.0.1:${agent.port()}", SERVER, "pin=${pin}&challenge=${challenge}")
        def status = Integer.parseInt(response.substring(9, 12))
        flatJson(response.substring(response.indexOf('\r\n\r\n') + 4)) + [status: status]
    }

    private Map readResidenceCard(String number, String challenge) {
        def response = raw('POST', '/v1/residence-card/read', "127.0.0.1:${agent.port()}", SERVER, "number=${number}&challenge=${challenge}")
        flatJson(response.substring(response.indexOf('\r\n\r\n') + 4))
    }

    /** The agent's answers are flat objects of strings, numbers and booleans. */
    private static Map flatJson(String json) {
        def fields = [:]
        (json =~ /"(\w+)":(?:"((?:[^"\\]|\\.)*)"|([^,}]+))/).each { all, key, text, other ->
            fields[key] = text != null ? text.replace('\\"', '"') : (other == 'true' ? true : other == 'false' ? false : other as Integer)
        }
        fields
    }

    private String raw(String method, String path, String host, String origin, String body) {
        new Socket(InetAddress.loopbackAddress, agent.port()).withCloseable { socket ->
            def bytes = (body ?: '').getBytes('UTF-8')
            def request = "${method} ${path} HTTP/1.1\r\nHost: ${host}\r\n" + (origin ? "Origin: ${origin}\r\n" : '') +
                    (body != null ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${bytes.length}\r\n" : '') +
                    "Connection: close\r\n\r\n"
            socket.outputStream.write(request.getBytes('UTF-8'))
            socket.outputStream.write(bytes)
            socket.outputStream.flush()
            new String(socket.inputStream.readAllBytes(), 'UTF-8')
        }
    }
}
