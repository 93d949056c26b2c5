package jp.madoguchi.demo

import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.GenerateCommand
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population
import jp.madoguchi.demo.GenerateSyntheticResidentsService
import jp.madoguchi.demo.synthetic.SyntheticPopulation
import jp.madoguchi.demo.linkage.CsvLinkageFileWriter
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.time.LocalDateTime

class CsvLinkageFileWriterSpec extends Specification {

    @TempDir
    Path folder

    static GenerateCommand command(Path out, int count = 5_000) {
        new GenerateCommand(new Population(new LocalGovernmentCode('999997'), '見本県', 'みらい市', 42,
                LocalDate.of(2026, 4, 1)), count, out, LocalDateTime.of(2026, 4, 1, 0, 0))
    }

    def "前方連携のレイアウトごとに FULL ファイルを書き出す"() {
        when:
        def progress = []
        def report = new GenerateSyntheticResidentsService(new CsvLinkageFileWriter()).generate(command(folder), { progress << it })

        then:
        report.residents() == 5_000
        report.files()*.fileName*.toString().sort() == ['001o005', '001o013', '023o002', '024o007', '025o005', '026o001', '027o003']
                .collect { it + '_20260401000000_FULL.csv' }
        progress.last() == 5_000
        Files.list(folder).noneMatch { it.fileName.toString().endsWith('.part') }

        and: 'one 001o005 row per resident after the header of item names'
        def residents = Files.readAllLines(folder.resolve('001o005_20260401000000_FULL.csv'), StandardCharsets.UTF_8)
        residents.size() == 5_001
        residents[0].startsWith('"宛名番号","世帯番号","住民種別","住民状態","氏名","氏名フリガナ"')
        residents.any { it.contains('\uDB40\uDD04') || it.contains('\uDB40\uDD0A') }
        residents.any { it.contains('\uD842\uDFB7') }
        residents.any { it.contains('"2","1","KIM') || it.contains(',"2","1",') }
    }

    def "同じシードと基準日からは同じバイト列のファイルができる"() {
        given:
        def a = folder.resolve('a')
        def b = folder.resolve('b')

        when:
        new GenerateSyntheticResidentsService(new CsvLinkageFileWriter()).generate(command(a, 2_000), {})
        new GenerateSyntheticResidentsService(new CsvLinkageFileWriter()).generate(command(b, 2_000), {})

        then:
        Files.list(a).count() == 7
        Files.list(a).toList().every { Files.readAllBytes(it) == Files.readAllBytes(b.resolve(it.fileName)) }
    }
}
