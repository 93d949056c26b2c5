package jp.madoguchi.acceptance.support

import spock.lang.Shared
import spock.lang.Specification

/** A scenario in one headless Chromium against the system as it ships (demo data, the embedded PostgreSQL). */
abstract class BrowserScenario extends Specification {

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    @Shared
    Browser browser = Browser.open()

    /** The demo My Number Card read at the kiosk's identify page: the PIN on the on-screen keypad, then 読み取る. */
    void readDemoCard() {
        browser.click('.keypad button[data-clear]')
        '1234'.each { browser.click(".keypad button[data-digit='${it}']") }
        browser.clickAndLoad('#read-card')
    }

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }
}
