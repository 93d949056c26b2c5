package jp.madoguchi.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * axe-core run in the test's Chromium on the page as it stands, with the rules of WCAG 2.0 and 2.1 at levels A and
 * AA (JIS X 8341-3:2016 AA is WCAG 2.0 AA). The script is the npm package pinned in
 * {@code acceptance-tests/accessibility} (installed by scripts/install-prerequisites.sh); it is injected by the
 * driver, never served by Madoguchi. Each check keeps its report beside the screenshots.
 */
public final class Accessibility {

    public static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path AXE = Path.of("accessibility", "node_modules", "axe-core", "axe.min.js");
    private static final Path REPORTS = Browser.SCREENSHOTS.resolve("accessibility");

    private static String axe;

    private Accessibility() {
    }

    /** One rule broken on the page: its id, how bad, what it asks, and each element that breaks it. */
    public record Violation(String id, String impact, String help, List<String> nodes) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + "\n    " + String.join("\n    ", nodes);
        }
    }

    /** Runs axe on the current page; writes {@code target/screenshots/accessibility/<name>.txt}; returns the violations. */
    @SuppressWarnings("unchecked")
    public static List<Violation> check(Browser browser, String name) {
        org.openqa.selenium.WebDriver driver = browser.driver();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(source());
        Object result = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));""", WCAG_AA);
        List<Violation> violations = ((List<Map<String, Object>>) result).stream()
                .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        (List<String>) v.get("nodes")))
                .toList();
        report(name, browser.currentUrl(), violations);
        return violations;
    }

    private static void report(String name, String url, List<Violation> violations) {
        try {
            Files.createDirectories(REPORTS);
            StringBuilder text = new StringBuilder("axe-core " + version() + " — " + String.join(", ", WCAG_AA) + "\n" + url + "\n");
            text.append(violations.isEmpty() ? "違反なし\n" : violations.size() + " 件の違反\n");
            violations.forEach(v -> text.append(v).append('\n'));
            Files.writeString(REPORTS.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String source() {
        if (axe == null) {
            try {
                axe = Files.readString(AXE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core がありません（scripts/install-prerequisites.sh が npm ci で入れます）: "
                        + AXE.toAbsolutePath(), e);
            }
        }
        return axe;
    }

    private static String version() {
        String head = source().substring(0, Math.min(200, source().length()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("axe v([0-9.]+)").matcher(head);
        return m.find() ? m.group(1) : "?";
    }
}
