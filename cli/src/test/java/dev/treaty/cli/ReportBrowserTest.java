package dev.treaty.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the flagship report in headless Chromium (Debian's chromium and chromedriver; CI
 * installs them) with the network closed, and checks it: no console errors, no request at all,
 * a screenshot of each section, and every settlement figure equal to {@code treaty settle --json}
 * and every release-matrix cell equal to {@code treaty gate}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ON = "2026-11-27";

    private ChromeDriver driver;
    private Path report;
    private Path screenshots;

    private static String[] args(String... first) {
        String flagship = Cli.flagship();
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(flagship, "--revenue", flagship + "/facts/revenue.csv", "--events", flagship + "/facts/events.jsonl",
                "--through", "2030-12-31"));
        return all.toArray(String[]::new);
    }

    @BeforeAll
    void render() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertThat(present).as("CI must install Debian's chromium and chromium-driver (.ci/run does)").isTrue();
        }
        assumeTrue(present, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        Path target = Path.of("target", "report-test");
        Files.createDirectories(target);
        report = target.resolve("report.html").toAbsolutePath();
        screenshots = Path.of("target", "report-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        String flagship = Cli.flagship();
        List<String> reportArgs = new java.util.ArrayList<>(List.of(args("report")));
        reportArgs.addAll(List.of("--on", ON, "--out", report.toString(), "--scenario", flagship + "/scenarios/growth.yaml",
                "--runs", "300", "--versions", "as-amended,msft-openai-2025-10"));
        Cli.Result result = Cli.run(reportArgs.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // headless, and any network request would go to a closed port: the report must need none
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.get(report.toUri().toString());
    }

    @AfterAll
    void close() {
        if (driver != null) driver.quit();
    }

    @Test
    void opensWithoutConsoleErrorsOrAnyRequestAndWeighsUnderFiveMegabytes() throws Exception {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(severe).as("console errors and warnings").isEmpty();
        Object resources = ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat((List<?>) resources).as("requests made by the page").isEmpty();
        assertThat(Files.size(report)).isLessThan(5L * 1024 * 1024);
        String html = Files.readString(report);
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(driver.getTitle()).contains("Microsoft–OpenAI partnership");
    }

    @Test
    void everySectionIsShownAndPhotographed() throws Exception {
        List<String> ids = List.of("summary", "timeline", "payments", "impact", "releases", "licences", "holdings", "simulation", "tests", "explanations");
        for (String id : ids) {
            WebElement section = driver.findElement(By.id(id));
            assertThat(section.isDisplayed()).as(id).isTrue();
            assertThat(section.getSize().getHeight()).as(id).isGreaterThan(80);
            File shot = section.getScreenshotAs(OutputType.FILE);
            Path png = screenshots.resolve(id + ".png");
            Files.copy(shot.toPath(), png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(png)).as(id).isGreaterThan(5_000);
        }
        assertThat(driver.findElements(By.cssSelector("#timeline svg rect.span"))).hasSizeGreaterThan(20);
        assertThat(driver.findElements(By.cssSelector("#payments svg rect.bar"))).hasSizeGreaterThan(40);
        assertThat(driver.findElements(By.cssSelector("#payments svg line.cap"))).isNotEmpty();
        assertThat(driver.findElement(By.id("payments")).getText()).contains("The cap is reached in 2028-Q4");
        assertThat(driver.findElement(By.id("impact")).getText()).contains("msft-openai-2026-04");
        assertThat(driver.findElement(By.id("simulation")).getText()).contains("under msft-openai-2025-10", "p95");
        assertThat(driver.findElement(By.id("tests")).getText()).contains("expected answers", "all pass", "26 of 26 terms");
    }

    @Test
    void everySettlementFigureEqualsTreatySettleJson() throws Exception {
        Cli.Result settled = Cli.run(args("settle", "--json"));
        assertThat(settled.exit()).as(settled.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(settled.out());
        Map<String, BigDecimal> expected = new HashMap<>();
        for (JsonNode statement : json.get("statements")) {
            String term = statement.get("term").asText();
            expected.put("settle:" + term + ":totalDue", new BigDecimal(statement.get("totalDue").asText()));
            expected.put("settle:" + term + ":totalBase", new BigDecimal(statement.get("totalBase").asText()));
            for (JsonNode line : statement.get("lines")) {
                String prefix = "settle:" + term + ":" + line.get("from").asText() + ":";
                for (String field : List.of("base", "due", "cumulativeDue", "capRemaining")) {
                    if (!line.get(field).isNull()) expected.put(prefix + field, new BigDecimal(line.get(field).asText()));
                }
            }
        }
        List<WebElement> figures = driver.findElements(By.cssSelector("[data-key^='settle:']"));
        assertThat(figures).hasSize(expected.size());
        for (WebElement figure : figures) {
            String key = figure.getAttribute("data-key");
            BigDecimal value = new BigDecimal(figure.getAttribute("data-value"));
            assertThat(expected).as(key).containsKey(key);
            assertThat(value).as(key).isEqualByComparingTo(expected.get(key));
            String shown = figure.getAttribute("textContent");
            assertThat(new BigDecimal(shown.replace("USD ", "").replace(",", ""))).as(key + " as shown").isEqualByComparingTo(value);
            String href = figure.getAttribute("href");
            assertThat(href).as(key + " links to an explanation").contains("#");
            String anchor = href.substring(href.indexOf('#') + 1);
            assertThat(driver.findElements(By.id(anchor))).as(key + " → " + anchor).hasSize(1);
        }
    }

    @Test
    void everyReleaseMatrixCellEqualsTreatyGate() {
        List<WebElement> cells = driver.findElements(By.cssSelector("td[data-gate]"));
        assertThat(cells).hasSizeGreaterThan(10);
        for (WebElement cell : cells) {
            String[] productCloud = cell.getAttribute("data-gate").split("/");
            Cli.Result gate = Cli.run("gate", Cli.flagship(), "--events", Cli.flagship() + "/facts/events.jsonl", "--product",
                    productCloud[0], "--cloud", productCloud[1], "--on", ON);
            assertThat(gate.exit()).as(gate.err()).isIn(0, 1);
            assertThat(cell.getText()).as(productCloud[0] + " on " + productCloud[1]).isEqualTo(gate.exit() == 0 ? "allowed" : "denied");
        }
    }
}
