package jp.madoguchi.acceptance.support

import spock.lang.Shared
import spock.lang.Specification

/** A scenario in one headless Chromium against the system as it ships (demo data, the embedded PostgreSQL). */
abstract class BrowserScenario extends Specification {

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    @Shared
    Browser browser = Browser.open()

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }
}
