package jp.madoguchi.staff.web

import spock.lang.Specification

import java.lang.reflect.ParameterizedType
import java.lang.reflect.RecordComponent

/**
 * 型つきの画面: 画面の記録（record）と、その画面のテンプレート（とレイアウト）が使う変数が合っていること。
 * A template variable the record does not have would render as nothing at run time; here it fails the build. The
 * processors add {@code csrfToken}, {@code csrfField} and {@code can}; fragment parameters are the layout's own.
 */
class TypedPagesSpec extends Specification {

    static final Set<String> FROM_PROCESSORS = ['csrfToken', 'csrfField', 'can'] as Set

    static String template(String view) {
        def stream = TypedPagesSpec.getResourceAsStream("/views/${view}.html")
        assert stream != null: "テンプレート ${view} がありません"
        stream.getText('UTF-8')
    }

    /** The page's template, with the layout when it uses one. */
    static String withLayout(String view) {
        String page = template(view)
        page.contains('staff/layout ::') ? page + template('staff/layout') : page
    }

    static Set<String> fragmentParameters(String html) {
        (html =~ /th:fragment="\w+\(([^)]*)\)"/).collect { it[1].split(',')*.trim() }.flatten() as Set
    }

    /** Loop variables and the list each iterates: th:each="row : ${rows}". */
    static Map<String, String> loops(String html) {
        (html =~ /th:each="(\w+)(?:\s*,\s*\w+)?\s*:\s*\$\{(\w+)\}"/).collect { it }.collectEntries { [(it[1]): it[2]] }
    }

    static Set<String> roots(String html) {
        (html =~ /\$\{\s*!?\s*([a-zA-Z_]\w*)/).collect { it[1] } as Set
    }

    static Set<String> propertiesOf(String html, String variable) {
        (html =~ /\$\{[^}]*\b${variable}\.([a-zA-Z_]\w*)/).collect { it[1] } as Set
    }

    static Class<?> elementType(Class<?> page, String component) {
        RecordComponent c = page.recordComponents.find { it.name == component }
        def type = c.genericType
        type instanceof ParameterizedType ? (Class<?>) type.actualTypeArguments[0] : c.type
    }

    def "画面 #view の記録 #page.simpleName は、テンプレートの使う変数をすべて持つ"() {
        given:
        String html = withLayout(view)
        Set<String> components = page.recordComponents*.name as Set
        Map<String, String> loops = loops(html)

        expect: 'every variable is a component, a loop variable, a fragment parameter or added by a processor'
        (roots(html) - components - loops.keySet() - fragmentParameters(html) - FROM_PROCESSORS).isEmpty()

        and: 'a loop over a list of records uses only that record\'s components'
        loops.every { variable, list ->
            Class<?> element = elementType(page, list)
            !element.isRecord() || (propertiesOf(html, variable) - (element.recordComponents*.name as Set)).isEmpty()
        }

        where:
        view              | page
        'staff/statistics' | DailyStatisticsController.StatisticsPage
        'staff/queue'      | ReceptionQueueController.QueuePage
        'admin/imports'    | ImportHistoryController.ImportsPage
        'admin/import'     | ImportHistoryController.ImportPage
        'admin/terminals'  | TerminalsController.TerminalsPage
        'admin/audit'      | AuditTrailController.AuditPage
        'staff/move-in'    | MoveInController.MoveInPage
    }

    def "検査は甘くない: 記録にない変数を使うテンプレートは見つかる"() {
        given:
        String html = '<p th:text="${staffName}"></p><p th:each="r : ${rows}" th:text="${r.nope}"></p><b th:text="${missing}"></b>'

        expect:
        roots(html) - (DailyStatisticsController.StatisticsPage.recordComponents*.name as Set) - loops(html).keySet() == ['missing'] as Set
        propertiesOf(html, 'r') - (DailyStatisticsController.StatisticsPage.Row.recordComponents*.name as Set) == ['nope'] as Set
    }
}
