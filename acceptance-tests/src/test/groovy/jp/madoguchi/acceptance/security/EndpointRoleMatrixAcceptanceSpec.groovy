package jp.madoguchi.acceptance.security

import io.micronaut.security.annotation.Secured
import io.micronaut.web.router.Router
import io.micronaut.web.router.UriRouteInfo
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.domain.staff.Permission
import jp.madoguchi.staff.security.Permissions
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * Deny by default, proven route by route: every route of the system must be in the table below with who may use it
 * (a route added without a decision fails here), must carry exactly that rule in {@code @Secured}, and is then
 * called by every role — anonymous, 窓口担当, 統計担当, 管理者, 監査担当 — to see that the server agrees.
 */
class EndpointRoleMatrixAcceptanceSpec extends Specification {

    static final String ANYONE = 'isAnonymous()'
    static final String LOGGED_IN = 'isAuthenticated()'

    /** Who may use each route: anyone, any logged-in member of staff, or the holders of one permission. */
    static final Map<String, String> RULES = [
            'GET /'                                   : ANYONE,
            'GET /staff/login'                        : ANYONE,
            'POST /staff/login'                       : ANYONE,
            'GET /staff/forbidden'                    : LOGGED_IN,
            'GET /staff/password'                     : LOGGED_IN,
            'POST /staff/password'                    : LOGGED_IN,
            // Micronaut Security's own: logging out nobody is harmless; GET is switched off (get-allowed: false)
            'POST /logout'                            : ANYONE,
            'GET /logout'                             : ANYONE,
            'GET /staff'                              : 'RECEPTION',
            'POST /staff/kiosk-help/{terminal}/answered' : 'RECEPTION',
            'GET /staff/receptions/{number}'          : 'RECEPTION',
            'GET /staff/receptions/{number}/form.pdf' : 'RECEPTION',
            'POST /staff/receptions/{number}/hearing' : 'RECEPTION',
            'POST /staff/receptions/{number}/confirm' : 'RECEPTION',
            'POST /staff/receptions/{number}/print'   : 'RECEPTION',
            'POST /staff/receptions/{number}/complete': 'RECEPTION',
            'POST /staff/receptions/{number}/identity': 'RECEPTION',
            'POST /staff/receptions/{number}/identity/residence-card': 'RECEPTION',
            'POST /staff/receptions/{number}/refer'   : 'RECEPTION',
            'GET /staff/receptions/{number}/related'  : 'RECEPTION',
            'GET /staff/receptions/{number}/forms'    : 'RECEPTION',
            'POST /staff/receptions/{number}/forms/answers'  : 'RECEPTION',
            'GET /staff/receptions/{number}/forms/{formId}.pdf': 'RECEPTION',
            'POST /staff/receptions/{number}/forms/print'    : 'RECEPTION',
            'GET /staff/receptions/{number}/forms/signature' : 'RECEPTION',
            'POST /staff/receptions/{number}/forms/signature': 'RECEPTION',
            'POST /staff/receptions/{number}/related/determine': 'RECEPTION',
            'POST /staff/receptions/{number}/related/remove'   : 'RECEPTION',
            'POST /staff/receptions/{number}/related/add'      : 'RECEPTION',
            'POST /staff/receptions/{number}/related/adopt'    : 'RECEPTION',
            'GET /staff/receptions/{number}/related/guidance.pdf': 'RECEPTION',
            'GET /staff/move-ins'                     : 'RECEPTION',
            'POST /staff/calls'                       : 'RECEPTION',
            'POST /staff/walk-in'                     : 'RECEPTION',
            'POST /staff/scan'                        : 'RECEPTION',
            'POST /staff/receptions/{number}/forms/tablet' : 'RECEPTION',
            'POST /staff/receptions/{number}/call'    : 'RECEPTION',
            'POST /staff/move-ins'                    : 'RECEPTION',
            'GET /staff/residents'                    : 'RESIDENT_SEARCH',
            'POST /staff/residents'                   : 'RESIDENT_SEARCH',
            'POST /staff/api/residents'               : 'RESIDENT_SEARCH',
            'GET /staff/residents/{number}'           : 'RESIDENT_SEARCH',
            'POST /staff/residents/{number}/individual-number': 'INDIVIDUAL_NUMBER_REVEAL',
            'GET /staff/statistics'                   : 'STATISTICS',
            'GET /staff/statistics/{table}.csv'       : 'STATISTICS',
            'GET /staff/statistics/report.pdf'        : 'STATISTICS',
            'GET /staff/statistics/receptions'        : 'STATISTICS',
            'GET /admin/imports'                      : 'LINKAGE',
            'GET /admin/handoff'                      : 'LINKAGE',
            'GET /admin/operations/report'            : 'LINKAGE',
            'GET /admin/operations/report/days.csv'   : 'LINKAGE',
            'GET /admin/operations/report/report.pdf' : 'LINKAGE',
            'GET /admin/handoff/preview'              : 'LINKAGE',
            'POST /admin/handoff/resend'              : 'LINKAGE',
            'POST /admin/handoff/clients'             : 'LINKAGE',
            'POST /admin/handoff/clients/revoke'      : 'LINKAGE',
            // 基幹連携の取得API: no cookie opens it, only a core system's credential (BEARER_ONLY)
            'GET /api/v1/handoff/records'             : ANYONE,
            'GET /api/v1/handoff/records.csv'         : ANYONE,
            'POST /api/v1/handoff/ack'                : ANYONE,
            'GET /admin/imports/{id}'                 : 'LINKAGE',
            'POST /admin/imports/run'                 : 'LINKAGE',
            'GET /admin/backups'                      : 'LINKAGE',
            'GET /admin/languages'                    : 'FORMS',
            'GET /admin/operations'                   : 'LINKAGE',
            'POST /admin/backups/run'                 : 'LINKAGE',
            'GET /admin/forms'                        : 'FORMS',
            'GET /admin/forms/new'                    : 'FORMS',
            'GET /admin/forms/{id}'                   : 'FORMS',
            'GET /admin/forms/{id}/export'            : 'FORMS',
            'POST /admin/forms/import'                : 'FORMS',
            'POST /admin/forms/preview'               : 'FORMS',
            'POST /admin/forms/publish'               : 'FORMS',
            'GET /admin/rules'                        : 'PROCEDURE_RULES',
            'GET /admin/rules/new'                    : 'PROCEDURE_RULES',
            'GET /admin/rules/{id}'                   : 'PROCEDURE_RULES',
            'POST /admin/rules/dry-run'               : 'PROCEDURE_RULES',
            'POST /admin/rules/publish'               : 'PROCEDURE_RULES',
            'GET /admin/terminals'                    : 'TERMINALS',
            'POST /admin/terminals/pair'              : 'TERMINALS',
            'POST /admin/terminals/revoke'            : 'TERMINALS',
            'GET /admin/counters'                     : 'TERMINALS',
            'POST /admin/counters'                    : 'TERMINALS',
            'POST /admin/counters/remove'             : 'TERMINALS',
            'GET /admin/staff'                        : 'ACCOUNTS',
            'POST /admin/staff/accounts'              : 'ACCOUNTS',
            'POST /admin/staff/accounts/update'       : 'ACCOUNTS',
            'POST /admin/staff/accounts/password'     : 'ACCOUNTS',
            'POST /admin/staff/accounts/unlock'       : 'ACCOUNTS',
            'POST /admin/staff/accounts/second-factor': 'ACCOUNTS',
            'POST /admin/staff/roles'                 : 'ACCOUNTS',
            'POST /admin/staff/import'                : 'ACCOUNTS',
            'GET /admin/staff/import-template.csv'    : 'ACCOUNTS',
            'GET /admin/audit'                        : 'AUDIT',
            'POST /admin/audit/export'                : 'AUDIT',
            // 記載台: a registered kiosk's browser only; what its card holder identifies stays with that visit
            'GET /kiosk'                              : 'KIOSK_DEVICE',
            'GET /kiosk/identify'                     : 'KIOSK_DEVICE',
            'GET /kiosk/calls'                        : 'KIOSK_DEVICE',
            'GET /kiosk/calls/events'                 : 'KIOSK_DEVICE',
            'POST /kiosk/identify/challenge'          : 'KIOSK_DEVICE',
            'POST /kiosk/identify'                    : 'KIOSK_DEVICE',
            'POST /kiosk/answers'                     : 'KIOSK_DEVICE',
            'POST /kiosk/related'                     : 'KIOSK_DEVICE',
            'POST /kiosk/receptions/without-card'     : 'KIOSK_DEVICE',
            'GET /kiosk/tablet'                       : 'KIOSK_DEVICE',
            'POST /kiosk/tablet/confirm'              : 'KIOSK_DEVICE',
            'POST /kiosk/move-in/certificate'         : 'KIOSK_DEVICE',
            'GET /kiosk/move-in/{number}'             : 'KIOSK_DEVICE',
            'POST /kiosk/move-in/{number}/certificate' : 'KIOSK_DEVICE',
            'GET /kiosk/move-in/{number}/questions'   : 'KIOSK_DEVICE',
            'POST /kiosk/move-in/{number}/answers'    : 'KIOSK_DEVICE',
            'POST /kiosk/move-in/{number}/receive'    : 'KIOSK_DEVICE',
            'POST /kiosk/receptions'                  : 'KIOSK_DEVICE',
            'GET /kiosk/slip/{number}'                : 'KIOSK_DEVICE',
            'GET /kiosk/pre-entry/scan'               : 'KIOSK_DEVICE',
            'POST /kiosk/pre-entry/scan'              : 'KIOSK_DEVICE',
            // 稼働監視: the operations network or token decides (HealthAndMetricsAcceptanceSpec), not a login
            'GET /ops/health/live'                    : ANYONE,
            'GET /ops/health/ready'                   : ANYONE,
            'GET /ops/metrics'                        : ANYONE,
            // 記載台の登録: the page where a kiosk PC's browser is registered with its terminal's token
            'GET /kiosk/device'                       : ANYONE,
            'POST /kiosk/device'                      : ANYONE,
            // 事前入力: on the citizen's own phone, before coming; nothing personal is asked
            'GET /kiosk/pre-entry'                    : ANYONE,
            'GET /kiosk/accessibility'                : ANYONE,
            // 言語: a phone at home chooses its language as a kiosk does; the tablet changes its visit's
            'GET /kiosk/language'                     : ANYONE,
            'GET /kiosk/language/{code}'              : ANYONE,
            'GET /kiosk/language/start-over'          : ANYONE,
            'GET /kiosk/tablet/language/{code}'       : 'KIOSK_DEVICE',
            'POST /kiosk/help'                        : 'KIOSK_DEVICE',
            'POST /kiosk/pre-entry'                   : ANYONE,
            'POST /kiosk/pre-entry/answers'           : ANYONE,
    ]

    /** Routes that no browser session may use, whoever is logged in: they want a core system's bearer credential. */
    static final Set<String> BEARER_ONLY = ['GET /api/v1/handoff/records', 'GET /api/v1/handoff/records.csv',
                                            'POST /api/v1/handoff/ack'] as Set

    /** The permissions of the demo members, through their roles (see StaffAdministrationService.DEFAULT_ROLES). */
    static final Map<String, Set<String>> MEMBERS = [
            clerk     : ['RECEPTION', 'RESIDENT_SEARCH'] as Set,
            mynumber  : ['RECEPTION', 'RESIDENT_SEARCH', 'INDIVIDUAL_NUMBER_REVEAL'] as Set,
            supervisor: ['STATISTICS'] as Set,
            admin     : ['LINKAGE', 'TERMINALS', 'ACCOUNTS', 'PROCEDURE_RULES', 'FORMS', 'STATISTICS', 'RECEPTION', 'RESIDENT_SEARCH'] as Set,
            auditor   : ['AUDIT'] as Set,
            kiosk     : ['KIOSK_DEVICE'] as Set,
    ]

    /** No demo kiosk: every kiosk here is registered, as in production. */
    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start(['madoguchi.kiosk.demo-device': false])
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

    def "画面の権限名はドメインの権限と一致する"() {
        expect:
        Permissions.declaredFields.findAll { java.lang.reflect.Modifier.isStatic(it.modifiers) && it.type == String }
                .collect { it.get(null) } as Set == Permission.values()*.name() as Set
    }

    def "すべてのルートに明示の規則があり、表と一致する（規則のないルートはない）"() {
        when:
        def routes = appRoutes()

        then: 'no route is missing from the table, and no table row names a route that does not exist'
        routes.keySet() - RULES.keySet() == [] as Set
        RULES.keySet() - routes.keySet() == [] as Set

        and: 'each route says in @Secured exactly what the table says'
        routes.findAll { key, route -> secured(route) != [RULES[key]] }.collect { key, route -> "${key} ${secured(route)}".toString() } == []
    }

    def "役割×ルートの全組み合わせで、許可されたものだけが通る"() {
        given:
        def sessions = [anonymous: KioskRegistration.anonymous(http, app)] + MEMBERS.keySet().findAll { it != 'kiosk' }
                .collectEntries { [(it): StaffLogin.overHttp(http, app, it)] }
        sessions.kiosk = KioskRegistration.register(http, app, 'KIOSK-07', KioskRegistration.pair(http, app, 'KIOSK-07', '1階 記載台'))
        def mismatches = []

        when:
        RULES.findAll { !it.key.endsWith(' /logout') }.each { route, rule ->
            sessions.each { who, session ->
                // a kiosk is no member of staff: on staff pages it is as anonymous as anyone
                boolean expected = !(route in BEARER_ONLY) &&
                        (rule == ANYONE || (rule == LOGGED_IN ? !(who in ['anonymous', 'kiosk']) : MEMBERS[who]?.contains(rule)))
                def response
                try {
                    response = send(route, session)
                } catch (java.net.http.HttpTimeoutException e) {
                    mismatches << "${route} as ${who}: no answer within 10 s"
                    return
                }
                boolean allowed = !denied(response)
                if (allowed != expected) {
                    mismatches << "${route} as ${who}: expected ${expected ? 'allowed' : 'denied'}, got ${response.statusCode()} ${response.headers().firstValue('Location').orElse('')}"
                } else if (response.statusCode() >= 500) {
                    // made-up numbers and empty forms must get a message, not a failure
                    mismatches << "${route} as ${who}: ${response.statusCode()}"
                }
            }
        }

        then:
        mismatches == []
    }

    private Map<String, UriRouteInfo> appRoutes() {
        // HEAD routes are Micronaut's automatic twins of the GET routes, with the same method and rule
        app.bean(Router).uriRoutes()
                .filter { it.httpMethod.name() != 'HEAD' }
                .filter { it.targetMethod.declaringType.name.startsWith('jp.madoguchi') || it.targetMethod.declaringType.simpleName == 'LogoutController' }
                .collect { route ->
                    def template = route.uriMatchTemplate.toPathString().replaceAll(/\{\?[^}]*\}/, '')
                    [("${route.httpMethod} ${template ?: '/'}".toString()): route]
                }.collectEntries { it }
    }

    private static List<String> secured(UriRouteInfo route) {
        route.annotationMetadata.stringValues(Secured) as List
    }


    /** Routes that answer with an endless event stream: only their status and headers are read. */
    static final Set<String> STREAMS = ['GET /kiosk/calls/events'] as Set

    private HttpResponse<?> send(String route, StaffLogin.Session session) {
        def (method, template) = route.split(' ', 2)
        def path = template.replace('{number}', '2026112200001').replace('{terminal}', 'KIOSK-07').replace('{id}', '1').replace('{table}', 'summary').replace('{formId}', 'RESIDENT_CERTIFICATE_REQUEST').replace('{code}', 'en')
        def request = HttpRequest.newBuilder(URI.create(app.url(path))).header('Cookie', session.cookies())
                .timeout(java.time.Duration.ofSeconds(10))
        def uploads = ['POST /staff/move-ins': 'name="code"', 'POST /admin/forms/import': 'name="file"; filename="x.form"',
                       'POST /admin/staff/import': 'name="file"; filename="x.csv"']
        if (uploads.containsKey(route)) {
            // an upload: multipart, with the token in the action URL as its form sends it
            def boundary = 'matrix-boundary'
            return http.send(HttpRequest.newBuilder(URI.create(app.url(path + '?_csrf=' + session.csrfToken())))
                    .header('Cookie', session.cookies()).timeout(java.time.Duration.ofSeconds(10))
                    .header('Content-Type', 'multipart/form-data; boundary=' + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString("--${boundary}\r\nContent-Disposition: form-data; ${uploads[route]}\r\n\r\nx\r\n--${boundary}--\r\n"))
                    .build(), HttpResponse.BodyHandlers.ofString())
        }
        if (route == 'POST /staff/scan') {
            // a camera frame: an image body, the token in the header as the page sends it
            def png = new java.io.ByteArrayOutputStream()
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), 'png', png)
            return http.send(request.header('Content-Type', 'image/png').header('X-CSRF-Token', session.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build(), HttpResponse.BodyHandlers.ofString())
        }
        if (method == 'POST') {
            request.header('Content-Type', 'application/x-www-form-urlencoded')
                    .header('X-CSRF-Token', session.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString('_csrf=' + session.csrfToken()))
        }
        if (route in STREAMS) {
            def streamed = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream())
            streamed.body().close()
            return streamed
        }
        http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }

    /** Refused by the security rules: 401/403, or sent to the login or the "not permitted" page. */
    private static boolean denied(HttpResponse<?> response) {
        def location = response.headers().firstValue('Location').orElse('')
        response.statusCode() in [401, 403] ||
                (response.statusCode() in [301, 302, 303, 307] && (location.contains('/staff/login') || location.contains('/staff/forbidden')))
    }
}
