package jp.madoguchi.adapters.linkage

import jp.madoguchi.demo.SyntheticLinkageFiles
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream

/** The import warm-up's shipped rows are exactly what the demo's generator writes, so they cannot drift from it. */
class WarmUpSampleSpec extends Specification {

    @TempDir
    Path folder

    def "取込の準備用の見本は、合成住民 3,000 人（種 1）の住民基本情報と同じ内容"() {
        given:
        def generated = SyntheticLinkageFiles.residentFile(SyntheticLinkageFiles.write(folder, 3_000, 1))
        def shipped = PostgresReplicaLoader.getResourceAsStream(PostgresReplicaLoader.WARM_UP_SAMPLE)
                .withCloseable { new GZIPInputStream(it).readAllBytes() }

        expect:
        shipped.length > 1_000_000
        shipped == Files.readAllBytes(generated)
    }
}
