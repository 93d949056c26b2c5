package jp.madoguchi.demo

import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.GenerateCommand
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population
import jp.madoguchi.demo.LinkageFileWriter
import jp.madoguchi.demo.synthetic.SyntheticHousehold
import jp.madoguchi.demo.synthetic.SyntheticPopulation
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

import java.nio.file.Path
import java.time.LocalDate
import java.time.LocalDateTime

/** 合成住民の生成: 指定した人数を世帯ごとに書き出し、進み具合を知らせる。同じ種なら同じ住民。 */
class GenerateSyntheticResidentsServiceSpec extends Specification {

    static final Population SETTINGS = new Population(
            new LocalGovernmentCode('999997'), '見本県', 'みらい市', 7, LocalDate.of(2026, 11, 1))

    List<SyntheticHousehold> written = []
    boolean finished
    LinkageFileWriter writer = { Path folder, LocalDateTime asOf ->
        new LinkageFileWriter.Session() {
            void write(List<SyntheticHousehold> households) { written.addAll(households) }

            List<Path> finish() { finished = true; [folder.resolve('001o005.csv')] }

            void close() {}
        }
    } as LinkageFileWriter
    def generate = new GenerateSyntheticResidentsService(writer)

    def "指定した人数の住民を世帯ごとに書き、進み具合を知らせ、最後にファイルを確定する"() {
        given:
        List<Integer> progress = []

        when:
        def report = generate.generate(new GenerateCommand(SETTINGS, 5000, Path.of('out'), LocalDateTime.of(2026, 11, 1, 0, 0)),
                { progress << it } as java.util.function.IntConsumer)

        then:
        report.residents() == 5000
        written.sum { it.household().members().size() } == 5000
        report.households() == written.size()
        progress.last() == 5000
        progress == progress.sort(false)
        finished
    }

    def "人数が範囲外なら書き始めない"() {
        when:
        new GenerateCommand(SETTINGS, 0, Path.of('out'), LocalDateTime.of(2026, 11, 1, 0, 0))

        then:
        def refused = thrown(Rejection)
        refused.key() == 'synthetic.count-range'
        written.isEmpty()
    }
}
