package jp.madoguchi.adapters.catalogue

import jp.madoguchi.adapters.catalogue.forms.ClasspathFormCatalogue
import jp.madoguchi.application.service.CheckLanguagesService
import jp.madoguchi.domain.language.Language
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset

/**
 * 言語ファイル: every shipped language has every text the citizen's screens may show — each key of the Japanese file,
 * each item, question and choice of the field dictionary, where values come from, each procedure's name — and
 * やさしい日本語 has a reading for every kanji it shows. A city's file in its data folder replaces texts key by key,
 * is read again after it changes, and what it leaves out is reported.
 */
class CitizenLanguagesSpec extends Specification {

    @TempDir
    Path data

    MutableClock clock = new MutableClock()

    CheckLanguagesService check(MessageFiles files) {
        new CheckLanguagesService(files, new ClasspathFormCatalogue(), new ClasspathProcedureCatalogue(),
                new ClasspathGuidanceCatalogue())
    }

    def "同梱の7言語には、市民の画面のすべての文言がある（やさしい日本語はすべての漢字に読みがある）"() {
        given:
        def files = new MessageFiles(data.toString(), clock)

        expect: 'nothing missing, and more than a token of keys in each file'
        check(files).missing() == []
        Language.values().every { files.keys(it).size() >= (it.japanese() ? 160 : 270) }
    }

    def "訳の値は日本語のままではない（訳し忘れのコピーを見つける）"() {
        given:
        def files = new MessageFiles(data.toString(), clock)
        def japanese = files.keys(Language.JAPANESE).collectEntries { [(it): files.text(Language.JAPANESE, it).get()] }

        expect: 'a foreign language repeats a Japanese sentence nowhere'
        [Language.ENGLISH, Language.CHINESE, Language.KOREAN, Language.VIETNAMESE, Language.PORTUGUESE].every { language ->
            japanese.findAll { key, text -> text.length() > 4 && files.text(language, key).get() == text }.isEmpty()
        }
    }

    def "市のファイルはキーごとに同梱の文言に優先し、変えれば数秒で読み直され、足りない文言は点検に出る"() {
        given:
        def files = new MessageFiles(data.toString(), clock)
        Files.createDirectories(data.resolve('messages'))
        def cityFile = data.resolve('messages/citizen_en.properties')

        when: 'the city words the home page its own way and adds an item its own forms use'
        Files.writeString(cityFile, 'home.title=Welcome to Mirai City Hall\nfield.ペットの名前=\n')
        clock.later(10)

        then:
        files.text(Language.ENGLISH, 'home.title').get() == 'Welcome to Mirai City Hall'
        files.text(Language.ENGLISH, 'home.lead').get() == 'Touch the screen to choose. You do not need to fill in any forms.'
        files.text(Language.JAPANESE, 'home.title').get() == 'ご用件をお選びください'

        when: 'the file changes again'
        Files.writeString(cityFile, 'home.title=Welcome\n')
        Files.setLastModifiedTime(cityFile, FileTime.from(Instant.now().plusSeconds(60)))
        clock.later(10)

        then:
        files.text(Language.ENGLISH, 'home.title').get() == 'Welcome'

        when: 'a city Korean file that lacks nothing, and one broken beyond reading'
        Files.write(data.resolve('messages/citizen_ko.properties'), [0xFF, 0xFE, 0x00] as byte[])
        clock.later(10)

        then: 'the shipped Korean stays: the screens never go blank'
        files.text(Language.KOREAN, 'home.title').get() == '용건을 선택해 주십시오'
    }

    def "点検は、日本語ファイルにあって訳のないキーを、言語と書く先とともに示す"() {
        given: 'a city whose Japanese file has a text no other language has yet'
        Files.createDirectories(data.resolve('messages'))
        Files.writeString(data.resolve('messages/citizen_ja.properties'), 'home.notice=本日は17時で受付を終了します\n')
        def files = new MessageFiles(data.toString(), clock)

        when:
        def missing = check(files).missing()

        then: 'each of the six other languages lacks it'
        missing*.key.unique() == ['home.notice']
        missing*.language as Set == (Language.values() - Language.JAPANESE) as Set
        missing.find { it.language() == Language.VIETNAMESE }.japanese() == '本日は17時で受付を終了します'
        missing.find { it.language() == Language.VIETNAMESE }.cityFile() == data.resolve('messages/citizen_vi.properties').toString()
    }

    def "職員の画面の文言も、市のファイル staff_ja.properties でキーごとに変えられる"() {
        given:
        def files = new MessageFiles(data.toString(), clock)
        Files.createDirectories(data.resolve('messages'))

        expect: 'nothing of the city yet (the staff UI\'s own file is not on this class path)'
        files.staffText('staff.staff.queue.1').isEmpty()

        when:
        Files.writeString(data.resolve('messages/staff_ja.properties'), 'staff.staff.queue.1=本日の受付\n')
        clock.later(10)

        then:
        files.staffText('staff.staff.queue.1').get() == '本日の受付'
        files.keys(Language.JAPANESE).every { !it.startsWith('staff.') }
    }

    /** A clock the test moves on, as the files are looked at again only every few seconds. */
    static class MutableClock extends Clock {
        Instant now = Instant.parse('2026-12-05T09:00:00Z')

        void later(long seconds) {
            now = now.plusSeconds(seconds)
        }

        @Override
        ZoneOffset getZone() {
            ZoneOffset.UTC
        }

        @Override
        Clock withZone(java.time.ZoneId zone) {
            this
        }

        @Override
        Instant instant() {
            now
        }
    }
}
