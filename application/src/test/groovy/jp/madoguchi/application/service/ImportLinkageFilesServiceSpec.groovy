package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.FolderLinkageSource
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportProgress
import jp.madoguchi.application.port.out.LinkageProblem
import jp.madoguchi.application.port.out.LoadOutcome
import jp.madoguchi.application.port.out.ReplicaLoader
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/** 前方連携の取込: 連携IDと作成日時の順に一つずつ。取り込んだものは保管へ、断ったものは理由を添えて隔離へ。 */
class ImportLinkageFilesServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator JOB = Operator.system('linkage-polling')

    @TempDir
    Path inbox
    FolderLinkageSource source
    def trail = new RecordingAuditTrail()
    List<String> loadedInOrder = []
    /** The loader's answer for each file, by the word in its content. */
    ReplicaLoader loader = { request, bytes ->
        loadedInOrder << request.file().name()
        String content = java.nio.file.Files.readString(request.path())
        bytes.accept(content.length())
        switch (content) {
            case 'good': return new LoadOutcome.Applied(3, 2, 1, 0, Duration.ofMillis(1500), [], [:])
            case 'bad': return new LoadOutcome.Rejected(2, [new LinkageProblem(2, '生年月日', '日付ではありません', '')], 1)
            default: return new LoadOutcome.Duplicate(java.time.LocalDateTime.of(2026, 11, 1, 9, 0))
        }
    } as ReplicaLoader
    ImportLinkageFilesService service

    def setup() {
        source = new FolderLinkageSource(inbox)
        service = new ImportLinkageFilesService(source, loader, trail,
                Clock.fixed(Instant.parse('2026-11-22T00:00:00Z'), ZoneId.of('Asia/Tokyo')))
    }

    def "連携ID・作成日時の順に取り込み、取込済みは保管へ、誤りのあるファイルは報告つきで隔離へ"() {
        given:
        source.drop('001o005_20261122090000_DIFF.csv', 'bad')
        source.drop('001o005_20261121090000_FULL.csv', 'good')
        source.drop('023o002_20261120090000_FULL.csv', 'same')
        source.drop('readme.txt', 'not a linkage file')
        List<String> progress = []

        when:
        def summary = service.importConfigured(CITY, new ImportProgress() {
            void fileStarted(jp.madoguchi.application.port.out.LinkageFile file, int index, int count) {
                progress << "${index}/${count}"
            }
        }, JOB)

        then:
        loadedInOrder == ['001o005_20261121090000_FULL.csv', '001o005_20261122090000_DIFF.csv', '023o002_20261120090000_FULL.csv']
        progress == ['1/3', '2/3', '3/3']
        summary.applied() == 1
        summary.refused() == 1
        summary.files()[0].message() == '001o005_20261121090000_FULL.csv: 3 行を取り込みました（追加 2・変更 1・削除 0、1.5 秒）'
        source.archived == ['001o005_20261121090000_FULL.csv', '023o002_20261120090000_FULL.csv']
        source.quarantined.keySet() == ['001o005_20261122090000_DIFF.csv'] as Set
        source.quarantined['001o005_20261122090000_DIFF.csv'].contains('生年月日')
        trail.of(AuditAction.IMPORT).size() == 3
        trail.of(AuditAction.IMPORT)*.residents().every { it.isEmpty() }
    }

    def "待っているファイルがなければ何もせず、何も記録しない"() {
        expect:
        service.importFrom(inbox.toString(), CITY, ImportProgress.NONE, JOB).files().isEmpty()
        trail.entries.isEmpty()
    }
}
