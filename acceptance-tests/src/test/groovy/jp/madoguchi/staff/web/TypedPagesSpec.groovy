package jp.madoguchi.staff.web

import jp.madoguchi.kiosk.device.KioskDeviceController
import jp.madoguchi.kiosk.web.KioskPages
import jp.madoguchi.staff.web.statistics.StatisticsPage
import spock.lang.Specification

import java.lang.reflect.ParameterizedType
import java.lang.reflect.RecordComponent

/**
 * 型つきの画面: 画面の記録（record）と、その画面のテンプレート（とレイアウト）が使う変数が合っていること。
 * A template variable the record does not have would render as nothing at run time; here it fails the build. The
 * processors add {@code csrfToken}, {@code csrfField}, {@code can}, {@code kioskIdleSeconds} and {@code kioskDevice}; fragment parameters are the layout's own.
 */
class TypedPagesSpec extends Specification {

    static final Set<String> FROM_PROCESSORS = ['csrfToken', 'csrfField', 'can', 'kioskIdleSeconds', 'kioskDevice',
                                                'language', 'languageBack', 'languageFor', 'words', 'furigana'] as Set

    static String template(String view) {
        def stream = TypedPagesSpec.getResourceAsStream("/views/${view}.html")
        assert stream != null: "テンプレート ${view} がありません"
        stream.getText('UTF-8')
    }

    /** The page's template, with the layout when it uses one. */
    static String withLayout(String view) {
        String page = template(view)
        page.contains('staff/layout ::') ? page + template('staff/layout')
                : page.contains('kiosk/layout ::') ? page + template('kiosk/layout') : page
    }

    static Set<String> fragmentParameters(String html) {
        (html =~ /th:fragment="\w+\(([^)]*)\)"/).collect { it[1].split(',')*.trim() }.flatten() as Set
    }

    /**
     * Loop variables and what each iterates: th:each="row : ${rows}" gives rows, th:each="i : ${g.items}" gives g.items;
     * a literal list ({@code ${ {'1','2'} }}) gives an empty path.
     */
    static Map<String, String> loops(String html) {
        (html =~ /th:each="(\w+)(?:\s*,\s*\w+)?\s*:\s*\$\{\s*([\w.]*)[^"]*"/).collect { it }.collectEntries { [(it[1]): it[2]] }
    }

    static Set<String> roots(String html) {
        (html =~ /\$\{\s*!?\s*([a-zA-Z_]\w*)/).collect { it[1] } as Set
    }

    static Set<String> propertiesOf(String html, String variable) {
        (html =~ /\$\{[^}]*\b${variable}\.([a-zA-Z_]\w*)/).collect { it[1] } as Set
    }

    /** The type a component holds, or for a list the type of its elements; null when there is no such component. */
    static Class<?> componentType(Class<?> record, String component) {
        RecordComponent c = record?.isRecord() ? record.recordComponents.find { it.name == component } : null
        if (c == null) {
            return null
        }
        def type = c.genericType
        type instanceof ParameterizedType ? (Class<?>) type.actualTypeArguments[0] : c.type
    }

    /** The element type of a loop's path (a page component, or a component of an outer loop's element). */
    static Class<?> elementType(Class<?> page, Map<String, String> loops, String path) {
        List<String> parts = path.tokenize('.')
        if (parts.isEmpty()) {
            return null
        }
        Class<?> type = page.recordComponents*.name.contains(parts[0]) ? componentType(page, parts[0])
                : loops.containsKey(parts[0]) && loops[parts[0]] != path ? elementType(page, loops, loops[parts[0]]) : null
        parts.drop(1).each { type = componentType(type, it) }
        type
    }

    def "画面 #view の記録 #page.simpleName は、テンプレートの使う変数をすべて持つ"() {
        given:
        String html = withLayout(view)
        Set<String> components = page.recordComponents*.name as Set
        Map<String, String> loops = loops(html)

        expect: 'every variable is a component, a loop variable, a fragment parameter or added by a processor'
        (roots(html) - components - loops.keySet() - fragmentParameters(html) - FROM_PROCESSORS).isEmpty()

        and: 'a loop over a list of records uses only that record\'s components'
        loops.every { variable, path ->
            Class<?> element = elementType(page, loops, path)
            element == null || !element.isRecord() || (propertiesOf(html, variable) - (element.recordComponents*.name as Set)).isEmpty()
        }

        where:
        view              | page
        'staff/statistics' | StatisticsPage
        'staff/queue'      | ReceptionQueueController.QueuePage
        'admin/operation-report' | OperationReportController.OperationReportPage
        'staff/inquiry'    | jp.madoguchi.staff.web.statistics.ReceptionInquiryController.InquiryPage
        'admin/imports'    | ImportHistoryController.ImportsPage
        'admin/import'     | ImportHistoryController.ImportPage
        'admin/terminals'  | TerminalsController.TerminalsPage
        'admin/counters'   | CountersController.CountersPage
        'kiosk/calls'      | jp.madoguchi.kiosk.calls.CallDisplayController.DisplayPage
        'admin/audit'      | AuditTrailController.AuditPage
        'staff/move-in'    | MoveInController.MoveInPage
        'staff/login'      | LoginController.LoginPage
        'staff/reception'  | ReceptionController.ReceptionPage
        'staff/related'    | RelatedProceduresController.RelatedPage
        'staff/forms'      | FormsController.FormsPage
        'staff/signature'  | FormsController.SignaturePage
        'staff/resident'   | ResidentPage.ResidentDetailPage
        'staff/residents'  | ResidentSearchController.SearchPage
        'admin/staff'      | StaffAdministrationController.StaffPage
        'admin/forms'      | FormDesignerController.FormsPage
        'admin/form-designer' | FormDesignerController.DesignerPage
        'admin/rules'      | ProcedureRulesController.RulesPage
        'admin/rule'       | ProcedureRulesController.RulePage
        'admin/handoff'    | HandoffController.HandoffPage
        'kiosk/home'       | KioskPages.HomePage
        'kiosk/identify'   | KioskPages.IdentifyPage
        'kiosk/confirm'    | KioskPages.ConfirmPage
        'kiosk/questions'  | KioskPages.QuestionsPage
        'kiosk/related'    | KioskPages.RelatedPage
        'kiosk/tablet'     | jp.madoguchi.kiosk.tablet.TabletController.TabletPage
        'kiosk/not-found'  | KioskPages.NotFoundPage
        'kiosk/error'      | KioskPages.MessagePage
        'kiosk/move-in-paper' | KioskPages.MessagePage
        'kiosk/slip'       | KioskPages.SlipPage
        'kiosk/move-in'    | KioskPages.MoveInPage
        'kiosk/pre-entry'  | KioskPages.PreEntryPage
        'kiosk/pre-entry-code' | KioskPages.PreEntryCodePage
        'kiosk/pre-entry-scan' | KioskPages.ScanPage
        'kiosk/device'     | KioskDeviceController.DevicePage
        'kiosk/language'   | jp.madoguchi.kiosk.language.LanguageController.LanguagePage
        'admin/languages'  | LanguagesController.LanguagesPage
    }

    def "検査は甘くない: 記録にない変数を使うテンプレートは見つかる"() {
        given:
        String html = '<p th:text="${staffName}"></p><p th:each="r : ${perProcedure}" th:text="${r.nope}"></p><b th:text="${missing}"></b>'

        expect:
        roots(html) - (StatisticsPage.recordComponents*.name as Set) - loops(html).keySet() == ['missing'] as Set
        propertiesOf(html, 'r') - (StatisticsPage.RowView.recordComponents*.name as Set) == ['nope'] as Set
    }

    def "入れ子の繰り返しも、外側の要素の記録から型をたどって確かめる"() {
        given:
        String html = '<div th:each="g : ${list.groups}"><p th:each="i : ${g.items}" th:text="${i.nope} + ${i.seq}"></p></div>'
        Map<String, String> loops = loops(html)

        expect:
        elementType(RelatedProceduresController.RelatedPage, loops, loops['i']) == RelatedProceduresController.ItemRow
        propertiesOf(html, 'i') - (RelatedProceduresController.ItemRow.recordComponents*.name as Set) == ['nope'] as Set
    }
}
