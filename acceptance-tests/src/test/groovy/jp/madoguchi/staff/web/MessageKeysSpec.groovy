package jp.madoguchi.staff.web

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Every message key a template names exists in its message file, so no page shows ??key?? to anyone: the staff
 * pages' keys in staff_ja.properties, the citizen pages' in citizen_ja.properties (which the completeness test
 * compares with every other language). And no key of the staff file is left without a template that uses it.
 */
class MessageKeysSpec extends Specification {

    static final Path STAFF_VIEWS = Path.of('..', 'staff-ui', 'src', 'main', 'resources', 'views')
    static final Path KIOSK_VIEWS = Path.of('..', 'kiosk-ui', 'src', 'main', 'resources', 'views')

    static Properties messages(String resource) {
        def properties = new Properties()
        MessageKeysSpec.getResourceAsStream(resource).withReader('UTF-8') { properties.load(it) }
        properties
    }

    static Map<String, Set<String>> keysUsed(Path views) {
        Map<String, Set<String>> used = [:]
        Files.walk(views).filter { it.toString().endsWith('.html') }.forEach { file ->
            def text = Files.readString(file)
            def keys = (text =~ /#\{([a-z][\w.\-]*)[}(]/).collect { it[1] } +
                    (text =~ /#messages\.msg\('([\w.\-]+)'/).collect { it[1] }
            used[views.relativize(file).toString()] = keys as Set
        }
        used
    }

    def "職員の画面のキーはすべて staff_ja.properties にあり、使われないキーはない"() {
        given:
        def staff = messages('/messages/staff_ja.properties')
        def used = keysUsed(STAFF_VIEWS)

        expect:
        used.collectMany { file, keys -> keys.findAll { !staff.containsKey(it) }.collect { "${file}: ${it}" } } == []
        (staff.stringPropertyNames() - used.values().flatten()) == [] as Set
        used.values().flatten().size() > 500
    }

    def "市民の画面のキーはすべて citizen_ja.properties にある"() {
        given:
        def citizen = messages('/jp/madoguchi/adapters/catalogue/messages/citizen_ja.properties')
        def used = keysUsed(KIOSK_VIEWS)

        expect:
        used.collectMany { file, keys -> keys.findAll { !citizen.containsKey(it) }.collect { "${file}: ${it}" } } == []
        used.values().flatten().size() > 150
    }
}
