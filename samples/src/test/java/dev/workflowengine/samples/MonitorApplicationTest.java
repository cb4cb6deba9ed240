package dev.workflowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.workflowengine.testing.ScriptedStreamingChatModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The monitor application on a random port, and its page driven in headless Chromium: start the
 * workflow, watch the tokens arrive, approve (or reject) the waiting step, see the end. The browser
 * tests need Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs;
 * without them they are skipped, saying so.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MonitorApplicationTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final By COMPLETED = By.cssSelector("#events li[data-type=workflow_completed]");

  /** Chromium's profile: a fresh one per run, shared by the tests like the browser itself. */
  @TempDir static Path profile;

  static ConfigurableApplicationContext application;
  static String baseUrl;
  static WebDriver browser;

  @BeforeAll
  static void startApplication() {
    application =
        new SpringApplicationBuilder(MonitorApplication.class)
            .run(
                "--server.port=0",
                // Nothing listens on port 1: the models are the scripted ones, whatever runs here.
                "--OLLAMA_BASE_URL=http://127.0.0.1:1",
                "--monitor.scripted-token-pause=20ms");
    baseUrl = "http://localhost:" + application.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (application != null) {
      application.close();
    }
  }

  @Test
  void servesTheMonitorPage() throws IOException, InterruptedException {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/monitor.html")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<title>Workflow monitor</title>").contains("id=\"start\"");
  }

  @Test
  void startsTheWorkflowShowsTheTokensAndCompletesOnceApproved() {
    WebDriver page = open();

    page.findElement(By.id("start")).click();
    WebElement approve = await(page, ExpectedConditions.elementToBeClickable(By.id("approve")));

    assertThat(page.findElement(By.id("draft")).getDomProperty("value"))
        .isEqualTo(LiveEventsSample.SCRIPTED_REPLY);
    assertThat(page.findElement(By.id("prompt")).getText())
        .isEqualTo("Send this reply? \"" + LiveEventsSample.SCRIPTED_REPLY + "\"");
    approve.click();
    WebElement completed = await(page, ExpectedConditions.visibilityOfElementLocated(COMPLETED));

    assertThat(completed.getText()).contains("\"receipt\":\"sent to ada@example.com\"");
    assertThat(eventTypes(page))
        .containsExactly(
            "workflow_started",
            "node_started",
            "token",
            "node_completed",
            "workflow_waiting",
            "workflow_resumed",
            "node_started",
            "node_completed",
            "node_started",
            "node_completed",
            "workflow_completed");
    int chunks = ScriptedStreamingChatModel.chunks(LiveEventsSample.SCRIPTED_REPLY).size();
    assertThat(page.findElement(By.cssSelector("#events li[data-type=token]")).getText())
        .startsWith("#3\u2013" + (3 + chunks) + " token draft: " + chunks + " chunks, scripted");
    assertThat(page.findElement(By.id("approval")).isDisplayed()).isFalse();
  }

  @Test
  void aRejectedReplyIsNotSent() {
    WebDriver page = open();
    page.findElement(By.id("customer")).clear();
    page.findElement(By.id("customer")).sendKeys("grace@example.com");

    page.findElement(By.id("start")).click();
    await(page, ExpectedConditions.elementToBeClickable(By.id("reject"))).click();
    WebElement completed = await(page, ExpectedConditions.visibilityOfElementLocated(COMPLETED));

    assertThat(completed.getText())
        .contains("\"approved\":false")
        .contains("\"customer\":\"grace@example.com\"")
        .doesNotContain("receipt");
    assertThat(eventTypes(page)).doesNotContain("node_failed", "workflow_failed");
  }

  /** The page, in a browser started at first use; skips the test without Chromium. */
  private static WebDriver open() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "); .ci/run installs them: apt-get install chromium chromium-driver");
    if (browser == null) {
      browser = startBrowser();
    }
    browser.get(baseUrl + "/monitor.html");
    return browser;
  }

  private static WebDriver startBrowser() {
    // Naming the driver keeps Selenium Manager, which would try to download one, from running.
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without the background-networking flags Chromium keeps calling Google's hosts, which a
    // closed network refuses; a fresh profile keeps one run from seeing another's state.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath());
    return new ChromeDriver(driver, options);
  }

  /** Waits for the condition; if it never holds, fails saying what the page shows instead. */
  private static <T> T await(WebDriver page, ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(page, PATIENCE).until(condition);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "waited "
              + PATIENCE.toSeconds()
              + " s for "
              + condition
              + "; the page says '"
              + page.findElement(By.id("status")).getText()
              + "' and shows these events:\n"
              + page.findElement(By.id("events")).getText(),
          e);
    }
  }

  private static List<String> eventTypes(WebDriver page) {
    return page.findElements(By.cssSelector("#events li")).stream()
        .map(item -> item.getDomAttribute("data-type"))
        .toList();
  }
}
