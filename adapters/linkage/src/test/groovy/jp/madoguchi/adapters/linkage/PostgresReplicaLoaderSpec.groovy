package jp.madoguchi.adapters.linkage

import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.adapters.linkage.layout.LinkageLayouts
import jp.madoguchi.adapters.postgres.DatabaseSpecification
import jp.madoguchi.adapters.postgres.JdbiResidentRegistry
import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportProgress
import jp.madoguchi.application.port.out.LoadOutcome
import jp.madoguchi.demo.SyntheticLinkageFiles
import jp.madoguchi.application.service.ImportLinkageFilesService
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.HouseholdNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.adapters.security.crypto.AesGcmFileSealing
import spock.lang.Shared
import spock.lang.Stepwise
import spock.lang.TempDir

import java.nio.charset.Charset
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.LocalDate

/**
 * 前方連携の取込 against a real PostgreSQL with the production migrations: every shipped layout, FULL and DIFF,
 * all-or-nothing, repeats, ordering, fidelity of names and dates, and sealing of sensitive items.
 */
@Stepwise
class PostgresReplicaLoaderSpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    /** More rows than the checkers' queue holds in batches, so the parallel load is exercised end to end. */
    static final int RESIDENTS = 25_000

    static final AesGcmFileSealing SEALING = new AesGcmFileSealing((0..<32).collect { (byte) (it * 5 + 2) } as byte[])

    @Shared @TempDir Path work
    @Shared Path inbox
    @Shared Path layouts
    @Shared ImportLinkageFilesService importer
    @Shared JdbiResidentRegistry registry
    @Shared PostgresReplicaLoader loader

    def setupSpec() {
        inbox = Files.createDirectories(work.resolve('inbox'))
        layouts = Files.createDirectories(work.resolve('layouts'))
        def sources = new ConfiguredLinkageSources(inbox, false, '', new ConfiguredLinkageSources.ObjectStorage('', 'ap-northeast-1', '', '', true), SEALING)
        loader = new PostgresReplicaLoader(jdbi, new LinkageLayouts(layouts), Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped(), Clock.systemUTC(), 2)
        importer = new ImportLinkageFilesService(sources, loader, Fixtures.auditTrail(jdbi), Clock.systemUTC())
        registry = new JdbiResidentRegistry(jdbi, Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped())
    }

    /** An archived file opened with the data key. */
    byte[] archivedBytes(String path) {
        Files.newInputStream(inbox.resolve('archive/' + path + '.sealed')).withCloseable { SEALING.opening(it).readAllBytes() }
    }

    List<String> archived(String path) {
        new String(archivedBytes(path), 'UTF-8').readLines()
    }

    def importInbox() {
        importer.importFrom(inbox.toString(), CITY, ImportProgress.NONE, Operator.system('test-import'))
    }

    long count(String table) {
        jdbi.withHandle { it.createQuery("SELECT count(*) FROM " + table + " WHERE city_code = '999997'").mapTo(Long).one() }
    }

    static String number(long serial) {
        AddresseeNumber.fromSerial(serial, 9).value()
    }

    def write(String name, String text, Charset charset = StandardCharsets.UTF_8) {
        Files.write(inbox.resolve(name), text.replace('\n', '\r\n').getBytes(charset))
    }

    def "各レイアウトの見本ファイル（FULL）をすべて取り込む"() {
        given: 'the generator writes seven FULL files; 001o007 and 001o009 samples are written here'
        SyntheticLinkageFiles.write(inbox, RESIDENTS, 42)
        write('001o007_20260401000000_FULL.csv', """宛名番号,異動連番,異動事由,異動年月日,届出年月日,前住所,新住所,前世帯番号,新世帯番号,備考
${number(1)},1,国内転入,20200401,20200401,東京都千代田区千代田1番,見本県みらい市本町一丁目1番,,${HouseholdNumber.fromSerial(1, 9).value()},
${number(1)},2,転居,20230501,20230502,見本県みらい市本町一丁目1番,見本県みらい市本町二丁目3番,,,\"備考に, カンマと\"\"引用符\"\"\"
""")
        write('001o009_20260401000000_FULL.csv', """転出証明書番号,転出元市区町村コード,氏名,氏名フリガナ,生年月日,生年月日_表記,性別,続柄,世帯主氏名,旧住所,転出先住所,転出予定年月日,住民票コード,個人番号,本籍,筆頭者,国保,後期高齢,介護,国民年金,児童手当
T2026-0001,131016,転入 太郎,テンニュウ タロウ,19800505,,1,世帯主,転入 太郎,東京都千代田区千代田1番,見本県みらい市本町一丁目2番,20260415,12345678901,${Fixtures.FIXTURE_INDIVIDUAL_NUMBER},東京都千代田区千代田1番,転入 太郎,1,0,0,1,0
""")

        when:
        def summary = importInbox()

        then: 'nine files, all applied, oldest first within each ID'
        summary.files().size() == 9
        summary.files().every { it.applied() }
        summary.files()*.file()*.linkageId() == ['001o005', '001o007', '001o009', '001o013', '023o002', '024o007', '025o005', '026o001', '027o003']
        count('resident') == RESIDENTS
        count('resident_movement') == 2
        count('move_out_certificate') == 1
        count('card_status') > 0
        count('national_health_insurance') > 0
        count('long_term_care_insurance') > 0
        count('late_stage_elderly_insurance') > 0
        count('national_pension') > 0
        count('child_allowance') > 0

        and: 'imported files are kept per ID, sealed and owner-only; nothing plain is left in the inbox or the archive'
        Files.list(inbox).noneMatch { it.fileName.toString().endsWith('.csv') }
        def kept = inbox.resolve('archive/001o005/001o005_20260401000000_FULL.csv.sealed')
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)) == 'rw-------'
        !new String(Files.readAllBytes(kept), 'UTF-8').contains('宛名番号')
        archived('001o005/001o005_20260401000000_FULL.csv')[0].contains('宛名番号')
        Files.walk(inbox.resolve('archive')).noneMatch { it.fileName.toString().endsWith('.csv') }

        and: 'quoted text with commas and doubled quotes survives'
        jdbi.withHandle { it.createQuery("SELECT remarks FROM resident_movement WHERE seq = 2").mapTo(String).one() } == '備考に, カンマと"引用符"'

        and: 'the history says what came in'
        jdbi.withHandle { it.createQuery("SELECT rows_added FROM linkage_import WHERE linkage_id = '001o005'").mapTo(Long).one() } == RESIDENTS

        and: 'the access history has one 取込 entry per file, by whoever imported, naming the file'
        def imports = jdbi.withHandle {
            it.createQuery("SELECT actor_id, purpose, detail FROM audit_entry WHERE action = 'IMPORT' ORDER BY seq").mapToMap().list()
        }
        imports*.actor_id.every { it == 'test-import' }
        imports.find { it.purpose == '前方連携 001o005' }.detail.contains('001o005_20260401000000_FULL.csv')
        imports*.purpose.toSet().size() == imports.size()
    }

    def "取込の準備（起動直後）は生成した行を検査するだけで、レプリカにも取込履歴にも何も書かない"() {
        given:
        def residents = count('resident')
        def imports = jdbi.withHandle { it.createQuery('SELECT count(*) FROM linkage_import').mapTo(Long).one() }
        def tables = jdbi.withHandle { it.createQuery("SELECT count(*) FROM pg_class WHERE relname LIKE 'resident%'").mapTo(Long).one() }

        when:
        def took = loader.prepare(3_000)

        then:
        !took.isNegative() && !took.isZero()
        count('resident') == residents
        jdbi.withHandle { it.createQuery('SELECT count(*) FROM linkage_import').mapTo(Long).one() } == imports
        jdbi.withHandle { it.createQuery("SELECT count(*) FROM pg_class WHERE relname LIKE 'resident%'").mapTo(Long).one() } == tables
    }

    def "同じファイルをもう一度置いても何も変わらない（チェックサムで判別）"() {
        given:
        Files.write(inbox.resolve('001o005_20260401000000_FULL.csv'), archivedBytes('001o005/001o005_20260401000000_FULL.csv'))
        def before = jdbi.withHandle { it.createQuery("SELECT max(replicated_at) FROM resident").mapTo(String).one() }

        when:
        def summary = importInbox()

        then:
        summary.files().size() == 1
        summary.files()[0].outcome() instanceof LoadOutcome.Duplicate
        summary.files()[0].message().contains('取り込み済み')
        count('resident') == RESIDENTS
        jdbi.withHandle { it.createQuery("SELECT max(replicated_at) FROM resident").mapTo(String).one() } == before
    }

    def "誤りのある行が1行でもあれば、ファイル全体を取り込まず、行・列・理由を報告する"() {
        given: 'a newer FULL with a wrong check digit, an unknown 続柄, a bad date and a bad 個人番号'
        def lines = archived('001o005/001o005_20260401000000_FULL.csv')
        def unquote = { String line -> line.split(',', -1).collect { it.replaceAll('^"|"$', '') } }
        def header = unquote(lines[0])
        def row = { int i -> unquote(lines[i]) }
        def broken1 = row(5); broken1[header.indexOf('宛名番号')] = broken1[header.indexOf('宛名番号')][0..-2] + ((broken1[header.indexOf('宛名番号')][-1] as int) + 1) % 10
        def broken2 = row(9); broken2[header.indexOf('続柄')] = '祖父'
        def broken3 = row(12); broken3[header.indexOf('生年月日')] = '19990231'; broken3[header.indexOf('生年月日_表記')] = ''
        def broken4 = row(20); broken4[header.indexOf('個人番号')] = '123456789012'
        def broken5 = row(25); broken5[header.indexOf('更新日時')] = '2026/04/01 09:00'
        def withOffset = row(26); withOffset[header.indexOf('更新日時')] = '2026-04-01T09:00:00+09:00'
        def withoutOffset = row(27); withoutOffset[header.indexOf('更新日時')] = '2026-04-01T09:00:00'
        lines[5] = broken1.join(','); lines[9] = broken2.join(','); lines[12] = broken3.join(','); lines[20] = broken4.join(',')
        lines[25] = broken5.join(','); lines[26] = withOffset.join(','); lines[27] = withoutOffset.join(',')
        Files.write(inbox.resolve('001o005_20260402000000_FULL.csv'), lines, StandardCharsets.UTF_8)
        def before = count('resident')

        when:
        def summary = importInbox()
        def outcome = summary.files()[0].outcome() as LoadOutcome.Rejected

        then: 'nothing changed'
        count('resident') == before
        outcome.problemCount() == 5
        outcome.rowsRead() == RESIDENTS
        outcome.problems()*.line() == [6L, 10L, 13L, 21L, 26L]  // the header is line 1; 更新日時 with or without offset is fine
        outcome.problems()[0].column() == '宛名番号'
        outcome.problems()[0].reason().contains('検査数字')
        outcome.problems()[1].reason().contains('続柄')
        outcome.problems()[2].reason().contains('暦にない日付')
        outcome.problems()[3].column() == '個人番号'
        outcome.problems()[3].value() == '************'
        outcome.problems()[4].column() == '更新日時'
        outcome.problems()[4].reason().contains('ISO 8601')

        and: 'the file waits in quarantine with its report, which never shows a 個人番号'
        def report = Files.readString(inbox.resolve('quarantine/001o005_20260402000000_FULL.csv.errors.txt'))
        report.contains('6行目「宛名番号」')
        report.contains('変更なし')
        !report.contains('123456789012')
        Files.exists(inbox.resolve('quarantine/001o005_20260402000000_FULL.csv'))

        and: 'the history keeps the rejection'
        jdbi.withHandle { it.createQuery("SELECT error_count FROM linkage_import WHERE outcome = 'REJECTED'").mapTo(Integer).one() } == 5
    }

    def "差分（DIFF）の追加・更新・削除をファイルの順に適用する"() {
        given:
        def existing = jdbi.withHandle { it.createQuery("SELECT addressee_number FROM national_health_insurance ORDER BY addressee_number LIMIT 2").mapTo(String).list() }
        def fresh = jdbi.withHandle { h ->
            h.createQuery("SELECT addressee_number FROM resident r WHERE NOT EXISTS (SELECT 1 FROM national_health_insurance n WHERE n.addressee_number = r.addressee_number) ORDER BY 1 LIMIT 1").mapTo(String).one()
        }
        write('024o007_20260402090000_DIFF.csv', """処理区分,宛名番号,国保世帯番号,記号番号,資格取得年月日,資格喪失年月日
1,${fresh},123456789,国123456,20260401,
2,${existing[0]},,国999999,20200101,20260331
3,${existing[1]},,,,
2,${fresh},123456789,国123457,20260401,
""")
        def before = count('national_health_insurance')

        when:
        def summary = importInbox()
        def applied = summary.files()[0].outcome() as LoadOutcome.Applied

        then:
        applied.added() == 1
        applied.changed() == 1
        applied.deleted() == 1
        count('national_health_insurance') == before
        jdbi.withHandle { it.createQuery("SELECT symbol_number FROM national_health_insurance WHERE addressee_number = :n").bind('n', fresh).mapTo(String).one() } == '国123457'
        jdbi.withHandle { it.createQuery("SELECT lost_on FROM national_health_insurance WHERE addressee_number = :n").bind('n', existing[0]).mapTo(LocalDate).one() } == LocalDate.of(2026, 3, 31)

        and: 'the search use case sees the result'
        !registry.enrolments(CITY, new AddresseeNumber(existing[0])).insurances().isEmpty()
    }

    def "存在しない宛名番号の更新を含む差分は全体を取り込まない"() {
        given:
        write('024o007_20260402100000_DIFF.csv', """処理区分,宛名番号,国保世帯番号,記号番号,資格取得年月日,資格喪失年月日
2,${number(2_999_999)},,国1,20260401,
""")
        def before = jdbi.withHandle { it.createQuery("SELECT count(*), max(symbol_number) FROM national_health_insurance").mapToMap().one() }

        when:
        def outcome = importInbox().files()[0].outcome() as LoadOutcome.Rejected

        then:
        outcome.problems()[0].reason().contains('更新（2）ですが')
        jdbi.withHandle { it.createQuery("SELECT count(*), max(symbol_number) FROM national_health_insurance").mapToMap().one() } == before
    }

    def "取込済みより古いファイルは受け付けない"() {
        given:
        write('024o007_20260402080000_DIFF.csv', """処理区分,宛名番号,国保世帯番号,記号番号,資格取得年月日,資格喪失年月日
3,${number(1)},,,,
""")

        when:
        def result = importInbox().files()[0]

        then:
        result.outcome() instanceof LoadOutcome.OutOfOrder
        result.message().contains('古いファイル')
        Files.exists(inbox.resolve('quarantine/024o007_20260402080000_DIFF.csv.errors.txt'))
    }

    def "IVS・非BMPの氏名、不詳日、外国人の通称と在留資格をそのまま保つ"() {
        given:
        def ivs = '葛\uDB40\uDD01飾 花子'
        def nonBmp = '\uD842\uDFB7田 一郎'
        write('001o005_20260403000000_DIFF.csv', """処理区分,宛名番号,世帯番号,住民種別,住民状態,氏名,氏名フリガナ,通称,通称フリガナ,氏名英字,生年月日,生年月日_表記,性別,続柄,世帯主氏名,住所,国籍・地域,在留資格,在留期間満了日,在留カード等番号,法30条の45区分,個人番号
1,${number(900001)},${HouseholdNumber.fromSerial(900001, 9).value()},1,1,${ivs},カツシカ ハナコ,,,,19850401,,2,世帯主,${ivs},見本県みらい市本町一丁目1番,,,,,,${Fixtures.FIXTURE_INDIVIDUAL_NUMBER}
1,${number(900002)},${HouseholdNumber.fromSerial(900002, 9).value()},1,1,${nonBmp},ヨシダ イチロウ,,,,,昭和20年頃,1,世帯主,${nonBmp},見本県みらい市本町一丁目2番,,,,,,
1,${number(900003)},${HouseholdNumber.fromSerial(900003, 9).value()},2,1,KIM YOUNGJA,キム ヨンジャ,金田 英子,カネダ エイコ,KIM YOUNGJA,19750303,,2,世帯主,KIM YOUNGJA,見本県みらい市本町一丁目3番,韓国,特別永住者,,AB12345678CD,2,
""")

        when:
        def result = importInbox().files()[0]

        then:
        result.applied()
        def first = registry.find(CITY, new AddresseeNumber(number(900001))).get()
        first.name().name() == ivs
        first.name().name().codePoints().toArray() == ivs.codePoints().toArray()
        registry.find(CITY, new AddresseeNumber(number(900002))).get().name().name().getBytes(StandardCharsets.UTF_8) == nonBmp.getBytes(StandardCharsets.UTF_8)
        registry.find(CITY, new AddresseeNumber(number(900002))).get().birthDate().notation() == '昭和20年頃'
        def foreigner = registry.find(CITY, new AddresseeNumber(number(900003))).get()
        foreigner.name().alias() == '金田 英子'
        foreigner.foreignResidence().residenceStatus() == '特別永住者'
        foreigner.foreignResidence().residenceCardNumber() == 'AB12345678CD'
    }

    def "個人番号はデータベースに平文で残らず、鍵付きハッシュで見つかる"() {
        given:
        def sensitive = Fixtures.sensitiveItems()

        when:
        def row = jdbi.withHandle { it.createQuery("SELECT * FROM resident WHERE addressee_number = :n").bind('n', number(900001)).mapToMap().one() }
        def dump = jdbi.withHandle { it.createQuery("SELECT string_agg(r::text, ' ') FROM resident r").mapTo(String).one() }
        def found = jdbi.withHandle { it.createQuery("SELECT addressee_number FROM resident WHERE city_code = '999997' AND individual_number_key = :k")
                .bind('k', sensitive.lookupKey('個人番号', Fixtures.FIXTURE_INDIVIDUAL_NUMBER)).mapTo(String).list() }
        def pensionDump = jdbi.withHandle { it.createQuery("SELECT string_agg(p::text, ' ') FROM national_pension p").mapTo(String).one() }

        then:
        !dump.contains(Fixtures.FIXTURE_INDIVIDUAL_NUMBER)
        !row.containsValue(Fixtures.FIXTURE_INDIVIDUAL_NUMBER)
        number(900001) in found
        sensitive.open('個人番号', place(number(900001)), row.individual_number_sealed as byte[]) == Fixtures.FIXTURE_INDIVIDUAL_NUMBER

        and: 'a sealed value does not open as another item'
        when:
        sensitive.open('住民票コード', place(number(900001)), row.individual_number_sealed as byte[])
        then:
        thrown(IllegalArgumentException)

        and: 'nor in another resident row: copied there, it is no 個人番号 of theirs'
        when:
        sensitive.open('個人番号', place(number(900002)), row.individual_number_sealed as byte[])
        then:
        thrown(IllegalArgumentException)

        and: 'pension numbers are sealed too'
        def pensionNumbers = archived('026o001/026o001_20260401000000_FULL.csv').drop(1)
                .collect { it.split(',')[1].replace('"', '') }.findAll { it }
        !pensionNumbers.isEmpty()
        pensionNumbers.every { !pensionDump.contains(it) }
    }

    def "レイアウトの編集だけで別ベンダーの形式（MS932・列名・日付形式・余分な列）を取り込む"() {
        given: 'a vendor writes 025o005 in MS932 with its own column names, 和暦 dates and an extra column'
        def someone = jdbi.withHandle { it.createQuery("SELECT addressee_number FROM resident WHERE status = '1' ORDER BY 1 LIMIT 1").mapTo(String).one() }
        def vendorFile = """ATENA_NO,HIHO_NO,SHUTOKU_YMD,SOSHITSU_YMD,TANTO
${someone},ｺｳｷ0001,5080401,,窓口係
"""
        write('025o005_20260404000000_FULL.csv', vendorFile, Charset.forName('windows-31j'))

        when: 'with the shipped layout, the file is refused and nothing changes'
        def before = count('late_stage_elderly_insurance')
        def refused = importInbox().files()[0]

        then:
        refused.outcome() instanceof LoadOutcome.Rejected
        count('late_stage_elderly_insurance') == before

        when: 'the administrator copies the layout and edits four lines; the vendor sends the file again'
        Files.writeString(layouts.resolve('025o005.layout'), """連携ID: 025o005
名称: 後期高齢者医療 資格（○○社形式）
文字コード: MS932
日付形式: GYYMMDD
# 列名 | 型 | 必須 | データ項目 | 書式
ATENA_NO | N | 必須 | 宛名番号
HIHO_NO | T | 任意 | 被保険者番号
SHUTOKU_YMD | D | 任意 | 資格取得年月日
SOSHITSU_YMD | D | 任意 | 資格喪失年月日
TANTO | T | 任意 | -
""")
        write('025o005_20260404000001_FULL.csv', vendorFile, Charset.forName('windows-31j'))
        def result = importInbox().files()[0]

        then:
        result.applied()
        count('late_stage_elderly_insurance') == 1
        jdbi.withHandle { it.createQuery("SELECT insured_number || ' ' || acquired_on FROM late_stage_elderly_insurance").mapTo(String).one() } == 'ｺｳｷ0001 2026-04-01'

        cleanup:
        Files.deleteIfExists(layouts.resolve('025o005.layout'))
    }

    def "壊れたファイル（文字コード違い・引用符の閉じ忘れ）は分かりやすい理由で全体を拒否する"() {
        given:
        write('023o002_20260405000000_FULL.csv', "宛名番号,被保険者番号,資格取得年月日,資格喪失年月日,要介護状態区分\n${number(1)},K1,20200101,,要介護１\n", Charset.forName('windows-31j'))
        write('026o001_20260405000000_FULL.csv', "宛名番号,基礎年金番号,種別,資格取得年月日,資格喪失年月日\n${number(1)},\"1234567890,1,20200101,\n")
        def care = count('long_term_care_insurance')
        def pension = count('national_pension')

        when:
        def results = importInbox().files()

        then:
        results.every { it.outcome() instanceof LoadOutcome.Rejected }
        (results[0].outcome() as LoadOutcome.Rejected).problems()[0].reason().contains('文字コード')
        with((results[1].outcome() as LoadOutcome.Rejected).problems()) {
            size() == 1
            it[0].line() == 2
            it[0].reason().contains('CSV')
            it[0].reason().contains('引用符')
        }
        count('long_term_care_insurance') == care
        count('national_pension') == pension
    }

    def "引用符で囲まない値の途中の \" はただの文字として取り込む（閉じ忘れとは見なさない）"() {
        given:
        write('023o002_20260406000000_FULL.csv', "宛名番号,被保険者番号,資格取得年月日,資格喪失年月日,要介護状態区分\n"
                + "${number(1)},K1,20200101,,要介護\"1\n${number(2)},\"K\"\"2\",20200101,,\n")

        when:
        def result = importInbox().files()[0]

        then:
        result.outcome() instanceof LoadOutcome.Applied
        jdbi.withHandle {
            it.createQuery("SELECT insured_number || '/' || coalesce(care_level, '') FROM long_term_care_insurance WHERE city_code = '999997' ORDER BY addressee_number")
                    .mapTo(String).list()
        } == ['K1/要介護"1', 'K"2/']
    }

    private static jp.madoguchi.application.port.out.SensitiveItems.Place place(String addresseeNumber) {
        jp.madoguchi.application.port.out.SensitiveItems.Place.ofResident('resident', 'individual_number_sealed', '999997', addresseeNumber)
    }
}
