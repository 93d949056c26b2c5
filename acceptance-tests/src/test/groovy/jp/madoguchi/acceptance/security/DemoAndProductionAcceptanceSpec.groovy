package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.staff.config.DemoMode
import spock.lang.Specification

/**
 * デモと本番: デモはこのPCの中でだけ動き、本番らしい設定（ほかのアドレス、外部のデータベース、別の市区町村コード）は
 * デモを止める。デモを止めた設置に公開パスワードのデモアカウントが残っていれば、サーバーは起動しない。
 */
class DemoAndProductionAcceptanceSpec extends Specification {

    def "設定ごとに、デモで動くか、なぜ止めたかが決まる"() {
        when:
        def mode = DemoMode.decide(settings.&get)

        then:
        mode.on() == on
        mode.host() == host
        mode.reasons().size() == reasons
        mode.properties()['madoguchi.demo.enabled'] == on

        where:
        settings                                                        || on    | host        | reasons
        [:]                                                             || true  | '127.0.0.1' | 0
        [MADOGUCHI_HOST: 'localhost']                                   || true  | 'localhost' | 0
        [MADOGUCHI_HOST: '0.0.0.0']                                     || false | '0.0.0.0'   | 1
        [MADOGUCHI_DB_URL: 'jdbc:postgresql://db/madoguchi']            || false | ''          | 1
        [MADOGUCHI_CITY_CODE: '132012']                                 || false | ''          | 1
        [MADOGUCHI_HOST: '10.1.2.3', MADOGUCHI_CITY_CODE: '132012']    || false | '10.1.2.3'  | 2
        [MADOGUCHI_DEMO: 'false']                                       || false | ''          | 0
    }

    def "止めた理由は起動時に言葉で示す"() {
        expect:
        DemoMode.decide([MADOGUCHI_HOST: '0.0.0.0'].&get).announcement() ==
                'デモを無効にして起動します: 待ち受けアドレス 0.0.0.0 にはほかの端末から届くため。'
        DemoMode.decide([:].&get).announcement().startsWith('デモとして起動します。このPC（127.0.0.1）からだけ使えます。')
    }

    def "デモはすべてのアドレスで待ち受ける起動を断る"() {
        when:
        RunningMadoguchi.start(['micronaut.server.host': '0.0.0.0'])

        then:
        def refused = thrown(Exception)
        messages(refused).any { it.contains('デモはこのPCの中（127.0.0.1）でだけ動かせます') }
    }

    def "デモを止めた設置に、公開パスワードのままのデモアカウントが残っていれば起動しない"() {
        given: 'a database the demo has filled'
        def demo = RunningMadoguchi.start()
        def database = demo.databaseUrl()
        def folder = demo.dataDir()
        demo.close()

        when: 'the same installation started as a real one'
        RunningMadoguchi.start(['madoguchi.database.url': database, 'madoguchi.data-dir': folder.toString(),
                                'madoguchi.demo.enabled': false])

        then:
        def refused = thrown(Exception)
        messages(refused).any { it.contains('デモのアカウント（admin、auditor、clerk、mynumber、supervisor）が公開されたパスワード') }
    }

    private static List<String> messages(Throwable t) {
        List<String> all = []
        for (Throwable c = t; c != null; c = c.cause) {
            all << String.valueOf(c.message)
        }
        all
    }
}
