package jp.madoguchi.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its ChromeDriver. Every page a scenario passes through can be
 * kept as a screenshot in {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser open() {
        return open(java.util.List.of());
    }

    /**
     * A browser whose camera shows {@code video} (a Y4M file, looped), permission granted: Chromium's own fake
     * capture device, so the page's getUserMedia code runs as it would at a counter.
     */
    public static Browser withCamera(Path video) {
        return open(java.util.List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath()));
    }

    private static Browser open(java.util.List<String> extra) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // the closed network makes Chromium stall on its background connections without these flags
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=ja-JP", "--window-size=1280,1100");
        options.addArguments(extra);
        // a phone of Japan: pages that follow the browser's language (事前入力) open in Japanese, as on most phones here
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ja-JP,ja"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /** GETs a URL with this browser's login (e.g. a PDF the page links to) and returns the body; fails unless 200. */
    public byte[] download(String url) {
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Cookie", "JWT=" + cookie("JWT"))
                            .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The WebDriver itself, for pointer gestures (drag, drawing) that the helpers here do not cover. */
    public org.openqa.selenium.WebDriver driver() {
        return driver;
    }

    public void go(String url) {
        driver.get(url);
    }

    public void click(String css) {
        find(css).click();
    }

    /** Clicks something that loads a new page (a link, a submit button) and waits until it has. */
    public void clickAndLoad(String css) {
        WebElement element = find(css);
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            wait.until(d -> isGone(element));
            wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("clicking " + css + " did not load a page; still at " + driver.getCurrentUrl()
                    + ", the page says: " + visibleMessages(), e);
        }
    }

    /** What the page shows the person in front of it (error and progress lines), to explain a stuck step. */
    private String visibleMessages() {
        return driver.findElements(By.cssSelector("#error, #progress, .error, [role=alert], [role=status]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> !t.isBlank())
                .reduce((a, b) -> a + " | " + b).orElse("(nothing)");
    }

    /**
     * True once the page holding {@code element} has been replaced. When the navigation is quick, ChromeDriver
     * may answer "node does not belong to the document" instead of reporting a stale element; both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        String line = text.replaceAll("[\r\n]+$", "");
        if (line.length() < text.length() && line.indexOf('\n') < 0 && line.indexOf('\r') < 0) {
            // a handheld scanner's input: one line, checked like any other, then Enter submits the form
            typeChecked(field, line);
            field.sendKeys(Keys.ENTER);
            return;
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            // several lines (a text area): typed as they are
            field.clear();
            field.sendKeys(text);
            return;
        }
        typeChecked(field, text);
    }

    private static void typeChecked(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
        // ChromeDriver now and then delivers CJK text as NULs on a busy machine: type again until the field holds it
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (text.equals(field.getAttribute("value"))) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException pageMovedOn) {
                return;
            }
            field.clear();
            field.sendKeys(text);
        }
    }

    /** Chooses {@code file} in a file input, as a person picking it in the dialog. */
    public void upload(String css, java.nio.file.Path file) {
        find(css).sendKeys(file.toAbsolutePath().toString());
    }

    public void select(String css, String visibleText) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByVisibleText(visibleText);
    }

    public void selectValue(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    /** Waits until the browser is on a page whose path starts with {@code prefix} (after a form sent by a key press). */
    public void waitForPath(String prefix) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> currentPath().startsWith(prefix)
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // say where the browser is instead, so a failure in CI can be read from its report
            throw new AssertionError("ページ " + prefix + " に進みません。いまのページ: " + driver.getCurrentUrl() + "「"
                    + driver.getTitle() + "」" + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Waits until {@code css} shows some text (script on the page fills it in) and returns that text. */
    public String waitForText(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            java.util.List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() || found.get(0).getText().isBlank() ? null : found.get(0).getText();
        });
    }

    public String text(String css) {
        return find(css).getText();
    }

    public boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String attribute(String css, String name) {
        return find(css).getAttribute(name);
    }

    public java.util.List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The page's markup as the browser holds it now. */
    public String pageSource() {
        return driver.getPageSource();
    }

    /** The whole address, query included. */
    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Runs a script in the page, e.g. to take away a browser-side check and see the server's own. */
    public Object execute(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The element, or a failure that says which page the browser was on instead: a CI run on another machine leaves
     * only this message behind.
     */
    private WebElement find(String css) {
        try {
            return driver.findElement(By.cssSelector(css));
        } catch (org.openqa.selenium.NoSuchElementException missing) {
            throw new org.openqa.selenium.NoSuchElementException("no " + css + " on " + driver.getCurrentUrl()
                    + " (「" + driver.getTitle() + "」): " + pageText(), missing);
        }
    }

    private String pageText() {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
            return text.length() > 600 ? text.substring(0, 600) + "…" : text;
        } catch (org.openqa.selenium.WebDriverException e) {
            return "(page text unavailable: " + e.getClass().getSimpleName() + ")";
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
