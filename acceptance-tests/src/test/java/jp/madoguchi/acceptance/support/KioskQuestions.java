package jp.madoguchi.acceptance.support;

import java.util.Map;

/**
 * The kiosk's questions after the card, answered in a browser: the given choices (field to the label touched),
 * the first choice of any other question nobody chose for yet, then 次へ to the confirmation. For scenarios whose
 * subject lies later in the visit.
 */
public final class KioskQuestions {

    private KioskQuestions() {
    }

    public static void answer(Browser browser, Map<String, String> choices) {
        if (!browser.exists("#questions")) {
            return;
        }
        choices.forEach((field, choice) -> browser.click(
                "fieldset[data-key='" + field + "'] input[value='" + choice + "']"));
        browser.execute("""
                document.querySelectorAll('fieldset.question').forEach(f => {
                  const radios = f.querySelectorAll('input[type=radio]');
                  if (radios.length && ![...radios].some(r => r.checked)) { radios[0].click(); }
                });""");
        browser.clickAndLoad("#to-confirm");
    }

    public static void answer(Browser browser) {
        answer(browser, Map.of());
    }

    /** A value on the kiosk's confirmation screen, by its label. */
    public static String value(Browser browser, String label) {
        return browser.text("#review tr[data-label='" + label + "'] .value");
    }

    /** Where the confirmation screen says a value came from. */
    public static String source(Browser browser, String label) {
        return browser.text("#review tr[data-label='" + label + "'] .source");
    }
}
