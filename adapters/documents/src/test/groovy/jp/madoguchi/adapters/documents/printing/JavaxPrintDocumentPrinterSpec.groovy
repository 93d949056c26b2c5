package jp.madoguchi.adapters.documents.printing

import jp.madoguchi.application.port.out.DocumentPrinter.PrintSettings
import jp.madoguchi.application.port.out.RenderedDocument
import spock.lang.Shared
import spock.lang.Specification

import javax.print.PrintServiceLookup

class JavaxPrintDocumentPrinterSpec extends Specification {

    @Shared SimulatedPrintQueue queue = new SimulatedPrintQueue('窓口1-テスト', java.nio.file.Files.createTempDirectory('printed'))
    @Shared JavaxPrintDocumentPrinter printer = new JavaxPrintDocumentPrinter()

    def setupSpec() {
        PrintServiceLookup.registerService(queue)
    }

    def "PDFをそのまま、トレイか用紙を付けて、名前で選んだプリンタに送る"() {
        given:
        def pdf = new RenderedDocument('FORM_20261122-0007.pdf', 'application/pdf', '%PDF-1.4 test'.bytes)

        when:
        printer.print(pdf, new PrintSettings('窓口1-テスト', 'manual', 'A3'))

        then:
        printer.printers().contains('窓口1-テスト')
        queue.jobs().size() == 1
        queue.jobs()[0].content() == '%PDF-1.4 test'.bytes
        java.nio.file.Files.readAllBytes(queue.jobs()[0].file()) == '%PDF-1.4 test'.bytes
        queue.jobs()[0].attributes().containsAll(['manual', 'FORM_20261122-0007.pdf'])

        when: 'no tray: the paper size goes with the job'
        printer.print(pdf, new PrintSettings('窓口1-テスト', null, 'A3'))

        then:
        queue.jobs()[1].attributes().contains('iso-a3')
    }

    def "ないプリンタ・ないトレイは、わかる言葉で断る"() {
        when:
        printer.print(new RenderedDocument('x.pdf', 'application/pdf', new byte[1]), new PrintSettings(name, tray, 'A4'))

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(message)

        where:
        name            | tray     || message
        'ない-プリンタ'  | null     || 'プリンタ「ない-プリンタ」が見つかりません'
        '窓口1-テスト'   | 'side'   || 'トレイ「side」はありません'
    }
}
