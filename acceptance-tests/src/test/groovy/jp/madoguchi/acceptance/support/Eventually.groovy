package jp.madoguchi.acceptance.support

/** Waits for something a page does on its own (a reload after a scan, a timer), looking again while it changes. */
class Eventually {

    static void within(int seconds, Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + seconds * 1000L
        while (System.currentTimeMillis() < deadline) {
            try {
                if (condition()) {
                    return
                }
            } catch (org.openqa.selenium.WebDriverException reloading) {
                // the page is being replaced: look again
            }
            Thread.sleep(100)
        }
        assert condition()
    }
}
