package jp.madoguchi.acceptance.security

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.adapters.postgres.testing.TestDatabase
import jp.madoguchi.adapters.security.TotpOneTimePasswords
import jp.madoguchi.staff.cli.SetupSubcommand
import jp.madoguchi.staff.config.ProductionConfiguration
import org.jdbi.v3.core.Jdbi
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManagerFactory
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.security.KeyStore
import java.time.Instant

/**
 * 本番の設置: ./madoguchi setup が新しいデータフォルダに設定・鍵・最初の管理者を用意し、本番の起動は HTTPS で、
 * 一時パスワードでのログインはパスワードの変更と認証アプリの登録を求め、デモのアカウントは一つもない。
 * 平文の HTTP だけの本番の起動は断る。
 */
@Stepwise
class ProductionInstallAcceptanceSpec extends Specification {

    static final String KEYSTORE_PASSWORD = 'acceptance-keystore-password'

    @Shared @TempDir Path dir
    @Shared Path data
    @Shared String oneTimePassword
    @Shared int port
    @Shared ApplicationContext context
    @Shared EmbeddedServer server
    @Shared HttpClient https

    def cleanupSpec() {
        server?.stop()
        context?.close()
    }

    def "setup は設定と鍵を所有者だけが読めるように書き、最初の管理者の一時パスワードを一度だけ示す"() {
        given: 'the city certificate as PKCS#12, and the passwords in files'
        Path keystore = dir.resolve('server.p12')
        def keytool = new ProcessBuilder(Path.of(System.getProperty('java.home'), 'bin', 'keytool').toString(), '-genkeypair',
                '-alias', 'madoguchi', '-keyalg', 'EC', '-groupname', 'secp256r1', '-dname', 'CN=localhost', '-validity', '30',
                '-keystore', keystore.toString(), '-storetype', 'PKCS12', '-storepass', KEYSTORE_PASSWORD,
                '-ext', 'san=dns:localhost,ip:127.0.0.1').redirectErrorStream(true).start()
        assert keytool.waitFor() == 0
        Files.writeString(dir.resolve('keystore-password'), KEYSTORE_PASSWORD)
        Files.writeString(dir.resolve('db-password'), 'not-used-by-the-test-cluster')
        data = dir.resolve('madoguchi')
        port = freePort()

        when:
        def printed = captured {
            SetupSubcommand.run(['--data', data.toString(), '--city-code', '132012', '--city-name', '見本市',
                                 '--prefecture', '見本県', '--tls-keystore', keystore.toString(),
                                 '--tls-keystore-password-file', dir.resolve('keystore-password').toString(),
                                 '--db-url', TestDatabase.freshDatabaseUrl(), '--db-user', 'madoguchi_app',
                                 '--db-password-file', dir.resolve('db-password').toString(),
                                 '--db-owner', 'postgres', '--db-owner-password-file', dir.resolve('db-password').toString(),
                                 '--host', '127.0.0.1', '--port', port.toString()] as String[])
        }
        oneTimePassword = (printed.text =~ /一時パスワード:\s+(\S+)/)[0][1]

        then:
        printed.code == 0
        oneTimePassword.length() == 23
        mode(data.resolve('madoguchi.yml')) == 'rw-------'
        ['data-key', 'jwt-secret', 'handoff-key'].every { mode(data.resolve('secrets').resolve(it)) == 'rw-------' }
        mode(data.resolve('secrets')) == 'rwx------'
        !Files.readString(data.resolve('madoguchi.yml')).contains(oneTimePassword)

        when: 'a second setup in the same folder'
        def again = captured { SetupSubcommand.run(['--data', data.toString(), '--city-code', '132012', '--city-name', '見本市',
                                                    '--proxy', '10.0.0.5'] as String[]) }

        then:
        again.code == 2
        again.text.contains('設置済みのフォルダです')
    }

    def "本番は HTTPS で起動し、HSTS と __Host- の Secure クッキーを返す。デモのアカウントは一つもない"() {
        when:
        context = ApplicationContext.builder().propertySources(ProductionConfiguration.load(data))
                .properties(['madoguchi.linkage.warm-up-rows': 0]).start()
        server = context.getBean(EmbeddedServer).start()
        https = HttpClient.newBuilder().sslContext(trusting(dir.resolve('server.p12'))).followRedirects(HttpClient.Redirect.NEVER).build()
        def page = get('/staff/login')

        then:
        server.URL.toString() == "https://127.0.0.1:${port}"
        page.statusCode() == 200
        page.headers().firstValue('Strict-Transport-Security').get() == 'max-age=31536000'
        def csrf = page.headers().allValues('set-cookie').find { it.startsWith('__Host-MADOGUCHI_CSRF=') }
        csrf.contains('Secure') && csrf.contains('Path=/')
        !page.body().contains('demo-code')
        context.getBean(Jdbi).withHandle { it.createQuery('SELECT username FROM staff_account').mapTo(String).list() } == ['sysadmin']
    }

    def "一時パスワードでのログインは、パスワードの変更と認証アプリの登録を済ませてから入れる"() {
        given:
        def page = get('/staff/login')
        String csrfCookie = cookie(page, '__Host-MADOGUCHI_CSRF')
        String token = StaffLogin.token(page.body())

        when: 'the one-time password alone'
        def first = post('/staff/login', csrfCookie, "_csrf=${token}&username=sysadmin&password=${enc(oneTimePassword)}")

        then: 'the page asks for a new password'
        first.body().contains('id="new-password"')
        first.body().contains('管理者が発行した一時的なもの')

        when: 'a new password: the authenticator is enrolled next, on the same page'
        def chosen = 'my-own-long-passphrase-2026'
        def second = post('/staff/login', csrfCookie, "_csrf=${token}&username=sysadmin&password=${enc(oneTimePassword)}"
                + "&newPassword=${enc(chosen)}&newPasswordAgain=${enc(chosen)}")
        assert second.body().contains('enrol-secret'): second.body().find(/(?s)<main.*?<\/form>/)
        String secret = (second.body() =~ /id="enrol-secret">([^<]+)</)[0][1].replace(' ', '')

        then:
        second.body().contains('id="enrol-qr"')
        second.body().contains('id="new-password"')

        when:
        def third = post('/staff/login', csrfCookie, "_csrf=${token}&username=sysadmin&password=${enc(oneTimePassword)}"
                + "&code=${TotpOneTimePasswords.codeAt(secret, Instant.now())}&newPassword=${enc(chosen)}&newPasswordAgain=${enc(chosen)}")

        then: 'logged in, with a Secure __Host- session cookie'
        third.statusCode() == 303
        third.headers().firstValue('Location').get() == '/admin/staff'
        def session = third.headers().allValues('set-cookie').find { it.startsWith('__Host-MADOGUCHI_SESSION=') }
        session.contains('Secure') && session.contains('HTTPOnly')

        and: 'the one-time password is spent'
        def retry = post('/staff/login', csrfCookie, "_csrf=${token}&username=sysadmin&password=${enc(oneTimePassword)}")
        retry.body().contains('ユーザーIDまたはパスワードが違います')
    }

    def "本番は、HTTPS もリバースプロキシの指定もない平文の HTTP では起動しない"() {
        when:
        RunningMadoguchi.start(['madoguchi.production': true, 'madoguchi.demo.enabled': false])

        then:
        def refused = thrown(Exception)
        messages(refused).any { it.contains('本番は平文の HTTP だけでは起動しません') }
    }

    private HttpResponse<String> get(String path) {
        https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:${port}${path}")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
    }

    private HttpResponse<String> post(String path, String csrfCookie, String form) {
        https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:${port}${path}"))
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .header('Origin', "https://127.0.0.1:${port}")
                .header('Cookie', '__Host-MADOGUCHI_CSRF=' + csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
    }

    private static String cookie(HttpResponse<?> response, String name) {
        response.headers().allValues('set-cookie').find { it.startsWith(name + '=') }.replaceAll(/^[^=]+=([^;]*).*$/, '$1')
    }

    private static SSLContext trusting(Path keystore) {
        KeyStore store = KeyStore.getInstance('PKCS12')
        Files.newInputStream(keystore).withCloseable { store.load(it, KEYSTORE_PASSWORD.toCharArray()) }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.defaultAlgorithm)
        trust.init(store)
        SSLContext ssl = SSLContext.getInstance('TLS')
        ssl.init(null, trust.trustManagers, null)
        ssl
    }

    private static Map captured(Closure<Integer> run) {
        PrintStream out = System.out
        PrintStream err = System.err
        def buffer = new ByteArrayOutputStream()
        def capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)
        System.out = capture
        System.err = capture
        try {
            int code = run()
            return [code: code, text: buffer.toString(StandardCharsets.UTF_8)]
        } finally {
            System.out = out
            System.err = err
        }
    }

    private static String mode(Path file) {
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
    }

    private static String enc(String s) {
        URLEncoder.encode(s, StandardCharsets.UTF_8)
    }

    private static int freePort() {
        new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
    }

    private static List<String> messages(Throwable t) {
        List<String> all = []
        for (Throwable c = t; c != null; c = c.cause) {
            all << String.valueOf(c.message)
        }
        all
    }
}
