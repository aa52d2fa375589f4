package io.widrow.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in real headless Chromium against the whole server on a random port: enter the key, generate
 * rings, start the rings preset, watch the curves and the decision boundary update, see SUCCEEDED, predict
 * on the model page, run the momentum experiment into the comparison. Screenshots land in
 * target/console-screenshots; any browser console error fails the test. Skips without Debian's chromium
 * and chromium-driver (.ci/run installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest extends ApiTestSupport {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "console-screenshots");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "console", true);
    }

    @LocalServerPort
    int port;

    private WebDriver driver;
    private ChromeDriverService service;
    private Path profile;

    @BeforeEach
    void browser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        profile = Files.createTempDirectory("widrow-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // An explicit driver binary: Selenium Manager would otherwise try to download one.
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void watchRingsTrainThenPredictAndCompare() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get("http://localhost:" + port + "/");

        // The key gate.
        WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        key.sendKeys(ADMIN_KEY);
        key.submit();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Datasets"));
        assertThat(unlabelled()).as("form controls without a label").isEmpty();

        // Generate rings with the sliders' defaults (2,000 samples, noise 0.1).
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.name("kind"))).selectByValue("rings");
        driver.findElement(By.id("generate")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scatter")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("rings");
        assertThat(driver.findElement(By.id("class-histogram")).getText()).contains("1,000");
        assertThat(driver.findElements(By.cssSelector("#preview tbody tr"))).hasSize(20);
        shot("dataset");

        // New job with the rings preset; the JSON follows the form.
        driver.findElement(By.id("train-this")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("preset-rings"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("spec-json"), "\"momentum\": 0.9"));
        WebElement epochs = driver.findElement(By.id("f-epochs"));
        assertThat(epochs.getAttribute("value")).isEqualTo("150");
        // Longer than the preset, so that even on a quiet machine the page sees the run while it trains.
        epochs.clear();
        epochs.sendKeys("400");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("spec-json"), "\"epochs\": 400"));
        assertThat(driver.findElement(By.id("f-l1-units")).getAttribute("value")).isEqualTo("16");
        assertThat(unlabelled()).as("form controls without a label").isEmpty();
        shot("new-job");
        driver.findElement(By.id("submit-job")).click();

        // The job page: curves and boundary update live, then SUCCEEDED with the final model's pictures.
        WebDriverWait long_ = new WebDriverWait(driver, Duration.ofSeconds(120));
        long_.until(d -> attr("boundary", "data-draws") >= 1);
        long_.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "SUCCEEDED"));
        long_.until(d -> "false".equals(driver.findElement(By.id("boundary")).getAttribute("data-live")));
        String history = driver.findElement(By.id("boundary")).getAttribute("data-history");
        assertThat(history).as("boundary redraws (epoch + L for live, F for final)").contains("L,").endsWith("F,");
        assertThat(attr("boundary", "data-draws")).isGreaterThanOrEqualTo(2);
        long_.until(d -> attrOf(By.cssSelector("[aria-label='Loss chart']"), "data-points") == 400);
        assertThat(attr("job-progress", "data-live-epochs")).as("epochs that reached the curves while RUNNING").isPositive();
        assertThat(driver.findElements(By.cssSelector("#neurons canvas"))).hasSize(48);
        long_.until(ExpectedConditions.attributeContains(By.id("confusion"), "aria-label", "final model"));
        assertThat(driver.findElement(By.id("job-progress-text")).getText()).contains("epoch 400 of 400");
        shot("job");
        ((JavascriptExecutor) driver).executeScript("document.querySelector('.charts').scrollIntoView()");
        shot("job-curves");

        // A 1,000-epoch run replays into downsampled curves.
        String ds = datasetOfCurrentJob();
        String longJob = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/jobs")
                .header(API_KEY, ADMIN_KEY).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":4}]},\"validation\":{\"split\":0},"
                        + "\"training\":{\"epochs\":1000,\"batchSize\":0,\"earlyStopping\":{\"patience\":0}}}"))
                .andReturn()).get("id").asString();
        String jobUrl = driver.getCurrentUrl();
        driver.get("http://localhost:" + port + "/#/jobs/" + longJob);
        long_.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "SUCCEEDED"));
        long_.until(d -> attrOf(By.cssSelector("[aria-label='Loss chart']"), "data-points") == 1000);
        assertThat(attrOf(By.cssSelector("[aria-label='Loss chart']"), "data-drawn")).isBetween(100, 400);
        driver.get(jobUrl);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-model")));

        // The model page: architecture, metrics, try it.
        driver.findElement(By.id("open-model")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-boundary")));
        assertThat(driver.findElement(By.id("architecture")).getText()).contains("dense 2→32", "dense 32→16");
        WebElement x1 = driver.findElement(By.id("try-0"));
        x1.clear();
        x1.sendKeys("0");
        WebElement x2 = driver.findElement(By.id("try-1"));
        x2.clear();
        x2.sendKeys("0");
        driver.findElement(By.id("predict")).click();
        String label = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("predicted-label"))).getText();
        assertThat(label).isNotBlank();
        shot("model");

        // The momentum experiment: three jobs submitted with one click, compared side by side.
        driver.get("http://localhost:" + port + "/#/jobs/new");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("preset-momentum"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spec-diff")));
        long_.until(d -> driver.findElements(By.cssSelector("#compare-jobs .badge.SUCCEEDED")).size() == 3);
        assertThat(driver.findElement(By.id("spec-diff")).getText()).contains("training.optimizer.type", "training.shuffle",
                "training.schedule.type");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        shot("compare");

        imagesUploadGridAndDrawingPad(wait, long_);

        driver.get("http://localhost:" + port + "/#/queue");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("jobs")));
        assertThat(driver.findElements(By.cssSelector("#jobs tbody tr"))).hasSize(6);
        shot("queue");

        everyOtherControl(wait);

        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    /**
     * An IDX pair uploaded through the upload panel's file input (the drop zone's code path), shown as an image
     * grid; a small image model trained through the API, then fed a digit drawn on the 28×28 pad.
     */
    private void imagesUploadGridAndDrawingPad(WebDriverWait wait, WebDriverWait long_) throws Exception {
        Path dir = Files.createTempDirectory("widrow-idx");
        int n = 60;
        byte[] images = new byte[16 + n * 784];
        byte[] labels = new byte[8 + n];
        java.nio.ByteBuffer.wrap(images).putInt(0x803).putInt(n).putInt(28).putInt(28);
        java.nio.ByteBuffer.wrap(labels).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            labels[8 + i] = (byte) c;
            for (int k = 4; k < 24; k++) {
                // 0: a vertical bar, 1: a horizontal bar, 2: a diagonal.
                int r = c == 1 ? 14 + i % 4 - 2 : k;
                int col = c == 0 ? 14 + i % 4 - 2 : c == 1 ? k : k;
                for (int t = -2; t <= 2; t++) {
                    int rr = c == 0 ? r : c == 1 ? r + t : r;
                    int cc = c == 0 ? col + t : c == 1 ? col : col + t;
                    images[16 + i * 784 + rr * 28 + cc] = (byte) 255;
                }
            }
        }
        Path img = Files.write(dir.resolve("shapes-images.idx3-ubyte"), images);
        Path lab = Files.write(dir.resolve("shapes-labels.idx1-ubyte"), labels);
        driver.get("http://localhost:" + port + "/#/datasets");
        WebElement files = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")));
        files.sendKeys(img.toAbsolutePath() + "\n" + lab.toAbsolutePath());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("image-grid")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("shapes-images");
        shot("dataset-images");

        String id = driver.getCurrentUrl().replaceAll(".*#/datasets/", "");
        String job = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/jobs")
                .header(API_KEY, ADMIN_KEY).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"datasetId\":\"" + id + "\",\"model\":{\"layers\":[{\"units\":16}]},"
                        + "\"training\":{\"epochs\":30,\"batchSize\":10},\"validation\":{\"split\":0}}"))
                .andReturn()).get("id").asString();
        driver.get("http://localhost:" + port + "/#/jobs/" + job);
        long_.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "SUCCEEDED"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-model"))).click();
        WebElement pad = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draw-pad")));
        // A vertical stroke down the middle: pointer events from a real (virtual) mouse.
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(pad, 0, -100).clickAndHold()
                .moveByOffset(0, 50).moveByOffset(0, 50).moveByOffset(0, 50).moveByOffset(0, 50).release().perform();
        String label = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("predicted-label"))).getText();
        assertThat(label).as("a vertical bar is class 0").isEqualTo("0");
        shot("model-draw");
    }

    /** The controls the main flow does not touch, so an error behind any of them shows in the console log. */
    private void everyOtherControl(WebDriverWait wait) {
        driver.get("http://localhost:" + port + "/#/queue?status=SUCCEEDED");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("jobs")));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status-filter"))).selectByValue("RUNNING");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("app"), "No jobs here."));
        driver.get("http://localhost:" + port + "/#/models");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href^='#/models/']")));
        driver.get("http://localhost:" + port + "/#/compare");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[id^='pick-']")));
        List<WebElement> picks = driver.findElements(By.cssSelector("input[id^='pick-']"));
        picks.get(0).click();
        picks.get(1).click();
        driver.findElement(By.id("compare-selected")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("compare-jobs")));

        driver.get("http://localhost:" + port + "/#/jobs/new");
        for (String preset : List.of("and", "xor-adaline", "xor-relu", "fashion", "rings")) {
            wait.until(ExpectedConditions.elementToBeClickable(By.id("preset-" + preset))).click();
        }
        driver.findElement(By.id("add-layer")).click();
        driver.findElement(By.cssSelector("[aria-label='Move layer 3 up']")).click();
        driver.findElement(By.cssSelector("[aria-label='Remove layer 1']")).click();
        assertThat(driver.findElements(By.cssSelector(".layers .layer"))).hasSize(2);
        assertThat(driver.findElement(By.id("f-l0-units")).getAttribute("value")).isEqualTo("16");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-valmode"))).selectByValue("dataset");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-opt"))).selectByValue("adam");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-sched"))).selectByValue("cosine");
        driver.findElement(By.id("f-es")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-type"))).selectByValue("adaline");
        assertThat(driver.findElement(By.id("spec-json")).getText()).contains("\"type\": \"adaline\"")
                .doesNotContain("\"layers\"");
        assertThat(unlabelled()).as("form controls without a label").isEmpty();
    }

    private String datasetOfCurrentJob() {
        String href = driver.findElement(By.cssSelector("a[href^='#/datasets/']")).getAttribute("href");
        return href.replaceAll(".*#/datasets/", "");
    }

    /** Inputs, selects and text areas that neither a label nor aria-label names (accessibility basics). */
    @SuppressWarnings("unchecked")
    private List<String> unlabelled() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('input, select, textarea')]
                  .filter(e => e.type !== 'hidden' && !e.getAttribute('aria-label')
                    && !(e.id && document.querySelector(`label[for="${e.id}"]`)) && !e.closest('label'))
                  .map(e => e.outerHTML);""");
    }

    private int attr(String id, String name) {
        return attrOf(By.id(id), name);
    }

    private int attrOf(By by, String name) {
        List<WebElement> found = driver.findElements(by);
        if (found.isEmpty()) {
            return 0;
        }
        String v = found.get(0).getAttribute(name);
        return v == null ? 0 : Integer.parseInt(v);
    }

    private void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
