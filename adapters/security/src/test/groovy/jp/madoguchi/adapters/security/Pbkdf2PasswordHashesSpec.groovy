package jp.madoguchi.adapters.security

import spock.lang.Specification

class Pbkdf2PasswordHashesSpec extends Specification {

    def hashes = new Pbkdf2PasswordHashes()

    def "正しいパスワードだけが一致し、同じパスワードでも塩で別のハッシュになる"() {
        given:
        def first = hashes.hash('madoguchi-demo')
        def second = hashes.hash('madoguchi-demo')

        expect:
        first != second
        first.startsWith('pbkdf2-sha256$210000$')
        !first.contains('madoguchi-demo')
        hashes.matches('madoguchi-demo', first)
        hashes.matches('madoguchi-demo', second)
        !hashes.matches('madoguchi-Demo', first)
        !hashes.matches('madoguchi-demo', 'plain-text')
    }
}
