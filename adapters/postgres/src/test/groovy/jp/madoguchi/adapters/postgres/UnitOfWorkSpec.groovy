package jp.madoguchi.adapters.postgres

import jp.madoguchi.adapters.catalogue.ClasspathProcedureCatalogue
import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes
import jp.madoguchi.adapters.export.FileHandoffLayouts
import jp.madoguchi.application.port.out.ExportRecord
import jp.madoguchi.application.port.out.HandoffOutbox
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.adapters.catalogue.forms.ClasspathFormCatalogue
import jp.madoguchi.adapters.documents.pdf.OpenPdfFilledFormRenderer
import jp.madoguchi.adapters.documents.pdf.PdfFonts
import jp.madoguchi.adapters.documents.printing.JavaxPrintDocumentPrinter
import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.application.port.in.ReceptionStepCommand
import jp.madoguchi.application.port.in.StartReceptionUseCase.StartReceptionCommand
import jp.madoguchi.application.port.out.AuditTrail
import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.application.service.AdvanceReceptionService
import jp.madoguchi.application.service.CompleteReceptionService
import jp.madoguchi.application.service.DesignFormsService
import jp.madoguchi.application.service.FormsAtCounterService
import jp.madoguchi.application.service.StartReceptionService
import jp.madoguchi.domain.audit.AuditEntry
import jp.madoguchi.domain.calendar.WarekiDate
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ReceptionState
import jp.madoguchi.domain.shared.Operator
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

import static jp.madoguchi.adapters.postgres.testing.Fixtures.CITY

/**
 * 一つの操作は全部残るか何も残らないか: 印刷・署名・聞き取り・完了の途中（二つの書き込みの間）で失敗させ、
 * 受付・経過・印刷記録・署名・回答・アクセス記録のどれも半端に残らないことを本物の PostgreSQL で確かめる。
 */
class UnitOfWorkSpec extends DatabaseSpecification {

    static final Operator CLERK = Operator.staff('clerk', '窓口 一郎')
    static final byte[] PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3] as byte[]

    @TempDir
    Path exports

    def clock = Clock.fixed(Instant.parse('2026-11-22T01:00:00Z'), ZoneId.of('Asia/Tokyo'))
    /** Which write fails next: a name such as 'recordPrint', or null for none. */
    String failAt
    StartReceptionService start
    FormsAtCounterService forms
    CompleteReceptionService complete
    AdvanceReceptionService advance
    Receptions receptions

    def setup() {
        def transactions = new JdbiTransactions(jdbi)
        def sensitive = Fixtures.sensitiveItems()
        def registry = new JdbiResidentRegistry(jdbi, sensitive, jp.madoguchi.domain.calendar.EraTable.shipped())
        receptions = new FailingReceptions(real: new JdbiReceptions(jdbi), spec: this)
        ReceptionPaperwork paperwork = new FailingPaperwork(real: new JdbiReceptionPaperwork(jdbi), spec: this)
        AuditTrail trail = new FailingTrail(real: Fixtures.auditTrail(jdbi), spec: this)
        def catalogue = new ClasspathFormCatalogue()
        def definitions = new JdbiFormDefinitions(jdbi)
        def renderer = new OpenPdfFilledFormRenderer(new PdfFonts(
                Path.of('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'),
                Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf')), new ZxingTwoDimensionalCodes(), catalogue)
        new DesignFormsService(catalogue, definitions, renderer, Fixtures.auditTrail(jdbi), transactions, clock).ensureShippedForms(CITY)
        start = new StartReceptionService(receptions, new ClasspathProcedureCatalogue(), registry,
                new JdbiUnconfirmedCards(jdbi), transactions, clock)
        forms = new FormsAtCounterService(receptions, registry, new JdbiMoveIns(jdbi), catalogue, definitions, paperwork,
                new JdbiContentConfirmations(jdbi), renderer, new JavaxPrintDocumentPrinter(), { 'みらい市' }, trail, transactions, jp.madoguchi.domain.calendar.EraTable.shipped(), clock)
        advance = new AdvanceReceptionService(receptions, new ClasspathProcedureCatalogue(), clock)
        def outbox = new FailingOutbox(real: new JdbiHandoffOutbox(jdbi), spec: this)
        complete = new CompleteReceptionService(receptions, registry, new JdbiMoveIns(jdbi), catalogue, paperwork,
                new FileHandoffLayouts(exports.resolve('city-layouts'), catalogue.dictionary().all()*.key() as Set),
                outbox, ['folder'], { String v, String k -> 'sealed:' + v } as jp.madoguchi.application.port.out.HandoffSealing,
                { 'みらい市' }, trail, transactions, jp.madoguchi.domain.calendar.EraTable.shipped(), clock)
    }

    static int serial = 500

    /** A counter visit of a resident of the registry (a new one each time), for a 住民票の写し. */
    Reception visit() {
        def resident = Fixtures.resident(CITY, serial++, '窓口　花子', 'マドグチ　ハナコ', WarekiDate.of(LocalDate.of(1980, 4, 1), jp.madoguchi.domain.calendar.EraTable.shipped()))
        new JdbiResidentRegistry(jdbi, Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped()).store([resident])
        start.start(new StartReceptionCommand(CITY, Channel.COUNTER, resident.addresseeNumber(), ['RESIDENT_CERTIFICATE'], CLERK))
    }

    /** A visit heard and confirmed, ready for its 申請書 to be printed. */
    Reception confirmed() {
        def r = advance.startHearing(step(visit()))
        advance.confirm(step(r))
    }

    Reception printed() {
        def r = confirmed()
        forms.print(step(r))
        receptions.find(CITY, r.number()).get()
    }

    /** The clerk's next step on the visit as stored now. */
    ReceptionStepCommand step(Reception r) {
        new ReceptionStepCommand(CITY, r.number(), receptions.find(CITY, r.number()).get().version(), CLERK)
    }

    Map stored(Reception r) {
        jdbi.withHandle { h ->
            def row = { String sql -> h.createQuery(sql).bind('n', r.number().value()).mapTo(Integer).one() }
            [state    : h.createQuery('SELECT state FROM reception WHERE number = :n').bind('n', r.number().value()).mapTo(String).one(),
             version  : row('SELECT version FROM reception WHERE number = :n'),
             timeline : row('SELECT count(*) FROM reception_timeline WHERE number = :n'),
             prints   : row('SELECT count(*) FROM reception_form_print WHERE number = :n'),
             answers  : row('SELECT count(*) FROM reception_answer WHERE number = :n'),
             signature: row('SELECT count(*) FROM reception_signature WHERE number = :n'),
             audit    : row("SELECT count(*) FROM audit_entry WHERE purpose = '受付 ' || :n"),
             handoff  : row('SELECT count(*) FROM handoff_record WHERE reception = :n')]
        }
    }

    def "申請書の印刷: 印刷記録や記録の途中で失敗すると、印刷済みにも印刷記録にもアクセス記録にもならない"() {
        given:
        def reception = confirmed()
        def before = stored(reception)
        failAt = where

        when:
        forms.print(step(reception))

        then:
        thrown(InjectedFailure)
        stored(reception) == before
        before.state == 'CONFIRMING'

        when: 'the same step again, nothing failing'
        failAt = null
        forms.print(step(reception))

        then:
        with(stored(reception)) {
            state == 'PRINTED'
            prints == 1
            audit == before.audit + 1
            timeline == before.timeline + 1
        }

        where:
        where << ['recordPrint', 'append']
    }

    def "様式ごとの印刷: 経過の記録で失敗すると印刷記録も残らない"() {
        given:
        def reception = visit()
        def before = stored(reception)
        failAt = 'appendTimeline'

        when:
        forms.print(CITY, reception.number(), 'RESIDENT_CERTIFICATE_REQUEST', null, CLERK)

        then:
        thrown(InjectedFailure)
        stored(reception) == before
    }

    def "署名: 経過の記録で失敗すると署名も残らない"() {
        given:
        def reception = visit()
        def before = stored(reception)
        failAt = 'appendTimeline'

        when:
        forms.sign(CITY, reception.number(), PNG, CLERK)

        then:
        thrown(InjectedFailure)
        stored(reception) == before

        when:
        failAt = null
        forms.sign(CITY, reception.number(), PNG, CLERK)

        then:
        stored(reception).signature == 1
    }

    def "聞き取り: 経過の記録で失敗すると回答も残らない"() {
        given:
        def reception = visit()
        def before = stored(reception)
        failAt = 'appendTimeline'

        when:
        forms.answer(CITY, reception.number(), ['電話番号': '0120-000-000', '請求者との関係': '本人'], CLERK)

        then:
        thrown(InjectedFailure)
        stored(reception) == before

        when:
        failAt = null
        forms.answer(CITY, reception.number(), ['電話番号': '0120-000-000', '請求者との関係': '本人'], CLERK)

        then:
        stored(reception).answers == 2
    }

    def "完了: 受付の更新・送り出し待ちへの登録・アクセス記録のどこで失敗しても完了にならず、連携記録も残らない"() {
        given:
        def reception = printed()
        def before = stored(reception)
        failAt = where

        when:
        complete.complete(step(reception))

        then:
        thrown(InjectedFailure)
        stored(reception) == before

        when:
        failAt = null
        complete.complete(step(reception))

        then:
        stored(reception).state == 'COMPLETED'
        stored(reception).audit == before.audit + 1
        stored(reception).handoff == 1

        where:
        where << ['update', 'enqueue', 'append']
    }

    static class InjectedFailure extends RuntimeException {
        InjectedFailure(String where) {
            super('故意の失敗: ' + where)
        }
    }

    void failIf(String write) {
        if (failAt == write) {
            throw new InjectedFailure(write)
        }
    }

    static class FailingReceptions implements Receptions {
        @Delegate
        Receptions real
        UnitOfWorkSpec spec

        void update(Reception reception) {
            real.update(reception)
            spec.failIf('update')
        }

        void appendTimeline(Reception reception) {
            real.appendTimeline(reception)
            spec.failIf('appendTimeline')
        }
    }

    static class FailingPaperwork implements ReceptionPaperwork {
        @Delegate
        ReceptionPaperwork real
        UnitOfWorkSpec spec

        void recordPrint(jp.madoguchi.domain.shared.LocalGovernmentCode city,
                         jp.madoguchi.domain.reception.ReceptionNumber number, ReceptionPaperwork.PrintRecord print) {
            real.recordPrint(city, number, print)
            spec.failIf('recordPrint')
        }
    }

    static class FailingOutbox implements HandoffOutbox {
        @Delegate
        HandoffOutbox real
        UnitOfWorkSpec spec

        void enqueue(LocalGovernmentCode city, ReceptionNumber reception, List<ExportRecord> records, List<String> targets,
                     Instant at) {
            real.enqueue(city, reception, records, targets, at)
            spec.failIf('enqueue')
        }
    }

    static class FailingTrail implements AuditTrail {
        @Delegate
        AuditTrail real
        UnitOfWorkSpec spec

        void append(AuditEntry entry) {
            real.append(entry)
            spec.failIf('append')
        }
    }
}
