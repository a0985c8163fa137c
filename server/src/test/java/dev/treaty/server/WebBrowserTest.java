package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.treaty.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Walks the flagship in headless Chromium as a person would (Debian's chromium and chromedriver;
 * CI installs them): sign in as Microsoft, open the agreement, move the date across 2026-04-27,
 * open what changed and its money, open a statement figure's explanation, ask a gate question,
 * upload a facts file with a bad line, sign out. On every page: no console error, no request to
 * another host, no serious or critical accessibility violation (axe-core, from npm, injected), a
 * screenshot; and the figures shown equal the API's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Path dir;
    private Served served;
    private ChromeDriver driver;
    private Path screenshots;
    private String axe;
    private String token;
    private final List<String> visited = new ArrayList<>();

    /** axe-core's script: .ci/run installs it with npm into .cache/npm; elsewhere the accessibility check is skipped. */
    static Path axeScript() {
        String configured = System.getProperty("treaty.axe");
        return configured != null ? Path.of(configured) : Served.root().resolve(".cache/npm/node_modules/axe-core/axe.min.js");
    }

    @BeforeAll
    void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertThat(present).as("CI must install Debian's chromium and chromium-driver (.ci/run does)").isTrue();
            assertThat(axeScript()).as("CI must install axe-core from npm (.ci/run does)").exists();
        }
        assumeTrue(present, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        axe = Files.exists(axeScript()) ? Files.readString(axeScript()) : null;
        dir = Files.createTempDirectory("treaty-web");
        served = new Served(TestDatabases.Kind.SQLITE, dir, true);
        token = served.token("Microsoft", "reader", "auditor", "operator", "pipeline");
        screenshots = Path.of("target", "web-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // any request to another host goes to a closed port (loopback, where Treaty is, goes direct) and shows as an error
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--proxy-server=http://127.0.0.1:9");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TMPDIR", dir.toString())).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) driver.quit();
        if (served != null) served.close();
    }

    private void open(String path) {
        driver.get(served.base() + path);
    }

    /** The checks every page gets, then its screenshot. */
    private void checked(String name) throws Exception {
        visited.add(name);
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(severe).as(name + ": console errors and warnings").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])");
        assertThat(requests).as(name + ": every request stays on Treaty's own origin").allMatch(url -> url.startsWith(served.base() + "/")
                || url.startsWith("data:"));
        assertThat(driver.getTitle()).as(name + ": a title").endsWith("· Treaty");
        assertThat(driver.findElements(By.tagName("h1"))).as(name + ": one main heading").hasSize(1);
        if (axe != null) {
            ((JavascriptExecutor) driver).executeScript(axe);
            Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                            + ".map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))"
                            + ".catch(e => done(['axe failed: ' + e]));");
            assertThat((List<?>) result).as(name + ": serious or critical accessibility violations").isEmpty();
        }
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Waits (up to 20 s) until {@code condition} gives something other than null or false; a thrown lookup means "not yet". */
    private <T> T until(java.util.function.Function<ChromeDriver, T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = condition.apply(driver);
                if (value != null && !Boolean.FALSE.equals(value)) return value;
            } catch (org.openqa.selenium.WebDriverException notYet) {
                last = notYet;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("waited 20 s in vain on " + driver.getCurrentUrl(), last);
    }

    @Test
    @Order(1)
    void signInAsMicrosoft() throws Exception {
        open("/");
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in");
        checked("01-sign-in");
        driver.findElement(By.id("credential")).sendKeys(token);
        driver.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        until(d -> d.getCurrentUrl().endsWith("/agreements"));
        assertThat(driver.findElement(By.tagName("header")).getText()).contains("Signed in for Microsoft");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Microsoft–OpenAI partnership").doesNotContain("northwind");
        checked("02-agreements");
    }

    @Test
    @Order(2)
    void theAzureFirstTermReplacesTheExclusivityOn20260427() throws Exception {
        driver.findElement(By.linkText("Microsoft–OpenAI partnership")).click();
        until(d -> d.getCurrentUrl().endsWith("/agreements/msft-openai"));
        pick("on", "2026-04-26");
        WebElement clause = driver.findElement(By.cssSelector("[data-clause='3.1']"));
        assertThat(clause.findElements(By.cssSelector("[data-term='api-on-azure'][data-kind='cloud-exclusivity']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("[data-term='azure-first']"))).isEmpty();
        checked("03-terms-2026-04-26");
        pick("on", "2026-04-27");
        clause = driver.findElement(By.cssSelector("[data-clause='3.1']"));
        assertThat(clause.findElements(By.cssSelector("[data-term='azure-first'][data-kind='first-ship']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("[data-term='api-on-azure']"))).isEmpty();
        assertThat(driver.findElement(By.id("version-in-force")).getText()).contains("msft-openai-2026-04");
        assertThat(driver.findElements(By.cssSelector("svg rect.span"))).as("the timeline chart").hasSizeGreaterThan(20);
        // the page shows what the API says is in force
        JsonNode terms = served.get("/v1/agreements/msft-openai/terms?on=2026-04-27", token).json();
        List<String> apiTerms = new ArrayList<>();
        terms.get("clauses").forEach(c -> c.get("terms").forEach(t -> apiTerms.add(t.get("name").asText())));
        List<String> pageTerms = driver.findElements(By.cssSelector("[data-term]")).stream().map(e -> e.getAttribute("data-term")).toList();
        assertThat(pageTerms).containsExactlyElementsOf(apiTerms);
        checked("04-terms-2026-04-27");
    }

    /** Types a date into a picker (as a keyboard user would) and submits its form. */
    private void pick(String id, String date) throws InterruptedException {
        WebElement input = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, date);
        String before = driver.getCurrentUrl();
        input.submit();
        until(d -> !d.getCurrentUrl().equals(before));
    }

    @Test
    @Order(3)
    void whatChangedAndWhatItIsWorth() throws Exception {
        open("/agreements/msft-openai/changes?from=2026-04-26&to=2026-04-27&through=2030-12-31");
        assertThat(driver.findElement(By.cssSelector("[data-clause='3.1']")).getText()).contains("api-on-azure", "azure-first");
        JsonNode api = served.get("/v1/agreements/msft-openai/diff?from=2026-04-26&to=2026-04-27&through=2030-12-31", token).json();
        Map<String, BigDecimal> expected = new HashMap<>();
        api.get("money").get("byParties").forEach(row -> expected.put(row.get("parties").asText(), new BigDecimal(row.get("change").asText())));
        List<WebElement> rows = driver.findElements(By.cssSelector("#impact-by-parties tr[data-parties]"));
        assertThat(rows).hasSize(expected.size());
        for (WebElement row : rows) {
            BigDecimal shown = new BigDecimal(row.findElement(By.cssSelector("[data-key='change']")).getAttribute("data-value"));
            assertThat(shown).as(row.getAttribute("data-parties")).isEqualByComparingTo(expected.get(row.getAttribute("data-parties")));
        }
        assertThat(expected.get("Microsoft → OpenAI")).as("Microsoft's revenue share ends").isNegative();
        assertThat(driver.findElements(By.cssSelector("svg rect.bar.neg"))).as("the chart of the change").isNotEmpty();
        checked("05-what-changed");
    }

    @Test
    @Order(4)
    void everyMoneyFigureEqualsTheApiAndLinksToItsExplanation() throws Exception {
        open("/agreements/msft-openai/money?through=2030-12-31");
        JsonNode api = served.get("/v1/agreements/msft-openai/settlement?through=2030-12-31", token).json().get("settlement");
        Map<String, BigDecimal> expected = new HashMap<>();
        for (JsonNode statement : api.get("statements")) {
            String term = statement.get("term").asText();
            expected.put(term + ":totalDue", new BigDecimal(statement.get("totalDue").asText()));
            expected.put(term + ":totalBase", new BigDecimal(statement.get("totalBase").asText()));
            for (JsonNode line : statement.get("lines")) {
                for (String field : List.of("base", "due", "cumulativeDue")) {
                    expected.put(term + ":" + line.get("from").asText() + ":" + field, new BigDecimal(line.get(field).asText()));
                }
            }
        }
        int compared = 0;
        for (WebElement statement : driver.findElements(By.cssSelector("section.statement"))) {
            String term = statement.getAttribute("data-term");
            for (WebElement figure : statement.findElements(By.cssSelector("[data-key]"))) {
                WebElement row = figure.findElements(By.xpath("ancestor::tr[@data-from]")).stream().findFirst().orElse(null);
                String key = term + ":" + (row == null ? "" : row.getAttribute("data-from") + ":") + figure.getAttribute("data-key");
                assertThat(expected).as(key).containsKey(key);
                assertThat(new BigDecimal(figure.getAttribute("data-value"))).as(key).isEqualByComparingTo(expected.get(key));
                String text = figure.getAttribute("textContent").replace("USD ", "").replace(",", "");
                assertThat(new BigDecimal(text)).as(key + " as shown").isEqualByComparingTo(expected.get(key));
                compared++;
            }
        }
        assertThat(compared).as("every figure of the API is on the page").isEqualTo(expected.size());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("reached in 2028-Q4");
        checked("06-money");

        WebElement figure = driver.findElement(By.cssSelector("section[data-term='openai-to-microsoft'] tr[data-from='2026-04-27'] a[data-key='due']"));
        figure.click();
        String anchor = figure.getAttribute("href").replaceAll(".*#", "");
        WebElement why = driver.findElement(By.id(anchor));
        until(d -> why.isDisplayed());
        assertThat(why.getText()).contains("msft-openai-2026-04", "Clause §6.1", "revenue.csv, lines");
        checked("07-explanation");
    }

    @Test
    @Order(5)
    void askAGateQuestion() throws Exception {
        open("/agreements/msft-openai/decisions?on=2026-07-01");
        assertThat(driver.findElements(By.cssSelector("table.matrix td[data-cloud]"))).hasSizeGreaterThan(10);
        for (WebElement cell : driver.findElements(By.cssSelector("table.matrix td[data-cloud]"))) {
            Served.Reply reply = served.post("/v1/agreements/msft-openai/gate", token, "{\"product\":\"" + cell.getAttribute("data-product")
                    + "\",\"cloud\":\"" + cell.getAttribute("data-cloud") + "\",\"on\":\"2026-07-01\"}");
            assertThat(cell.getAttribute("data-answer")).isEqualTo(reply.json().get("answer").asText());
        }
        driver.findElement(By.id("gate-product")).sendKeys("chatgpt");
        driver.findElement(By.id("gate-cloud")).sendKeys("aws");
        WebElement on = driver.findElement(By.id("gate-on"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2024-06-01'", on);
        on.submit();
        WebElement answer = until(d -> d.findElement(By.id("answer")));
        Served.Reply api = served.post("/v1/agreements/msft-openai/gate", token, "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2024-06-01\"}");
        assertThat(answer.getAttribute("data-answer")).isEqualTo(api.json().get("answer").asText()).isEqualTo("DENIED");
        assertThat(answer.getText()).contains("azure-exclusive", "events.jsonl");
        checked("08-gate-answer");
        // logged: asked again from the log, it is answered identically
        driver.findElement(By.id("replay-answer")).click();
        WebElement replay = until(d -> d.findElement(By.id("replay")));
        assertThat(replay.getAttribute("data-identical")).isEqualTo("true");
        checked("09-replay");
    }

    @Test
    @Order(6)
    void uploadAFileWithOneBadLineAndNothingIsStored() throws Exception {
        long before = served.get("/v1/agreements/msft-openai/settlement?through=2030-12-31", token).json().get("settlement").get("revenueLines").asLong();
        open("/agreements/msft-openai/facts");
        Path file = dir.resolve("revenue-with-a-bad-line.csv");
        Files.writeString(file, "id,date,party,product,kind,category,cloud,region,segment,amount,currency\n"
                + "web-ok-1,2026-05-01,OpenAI,chatgpt,non-api,consumer,azure,us,,100.00,USD\n"
                + "web-bad-2,2026-05-02,OpenAI,chatgpt,non-api,consumer,azure,us,,ten dollars,USD\n");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("#upload button")).click();
        WebElement result = until(d -> d.findElement(By.cssSelector("#upload-result .result")));
        assertThat(result.getAttribute("data-stored")).isEqualTo("0");
        assertThat(result.getText()).contains("nothing stored", ":3", "amount");
        assertThat(driver.findElement(By.id("progress")).getAttribute("value")).isEqualTo("100");
        long after = served.get("/v1/agreements/msft-openai/settlement?through=2030-12-31", token).json().get("settlement").get("revenueLines").asLong();
        assertThat(after).as("nothing of the file was stored").isEqualTo(before);
        checked("10-upload-refused");
    }

    @Test
    @Order(7)
    void auditAndSignOut() throws Exception {
        open("/audit");
        assertThat(driver.findElement(By.id("verify")).getAttribute("data-ok")).isEqualTo("true");
        checked("11-audit");
        driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        until(d -> d.getCurrentUrl().endsWith("/sign-in"));
        open("/agreements/msft-openai");
        assertThat(driver.getCurrentUrl()).as("signed out: the pages are closed").endsWith("/sign-in");
        assertThat(visited).hasSize(11);
    }

    @Test
    @Order(8)
    void anotherPartyTypingTheUrlsFindsNothing() throws Exception {
        open("/sign-in");
        driver.findElement(By.id("credential")).sendKeys(served.token("Author", "reader", "auditor", "operator"));
        driver.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        until(d -> d.getCurrentUrl().endsWith("/agreements"));
        for (String page : List.of("/agreements/msft-openai", "/agreements/msft-openai/money?through=2030-12-31",
                "/agreements/msft-openai/changes", "/agreements/msft-openai/decisions", "/agreements/msft-openai/facts",
                "/agreements/msft-openai/statements/1")) {
            open(page);
            String main = driver.findElement(By.tagName("main")).getText();
            assertThat(main).as(page).contains("no agreement 'msft-openai' is visible to you")
                    .doesNotContain("Microsoft", "OpenAI", "USD", "azure", "chatgpt");
        }
        // the browser logs the 404s themselves as errors; nothing else may be there
        List<LogEntry> other = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue() && !e.getMessage().contains("status of 404")).toList();
        assertThat(other).isEmpty();
        Files.write(screenshots.resolve("12-not-yours.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(9)
    void onAPhoneNothingSpillsSideways() throws Exception {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("/agreements");
            for (String page : List.of("/agreements/northwind-book", "/agreements/northwind-book/changes", "/agreements/northwind-book/decisions",
                    "/audit")) {
                open(page);
                Object spill = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) spill).intValue()).as(page + ": wider than the screen by").isLessThanOrEqualTo(0);
            }
            Files.write(screenshots.resolve("13-phone.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }
}
