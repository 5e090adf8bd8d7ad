package io.swarmgrid.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.ml.learning.FashionMnist;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.learning.LearningEngine;
import io.swarmgrid.plugin.propagation.PropagationEngine;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.learning.TrainingJobs;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): it
 * shows every member, runs a workload from its form, and shows a killed member go; it shows state
 * streams and budgets, starts a training job from its form and shows its rounds, and stops one.
 * Screenshots go to {@code target/dashboard-*.png}. Without Chromium the test is skipped on a
 * developer machine and fails on CI ({@code CI=true}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @RegisterExtension static final EmbeddedCluster cluster = HttpTestCluster.of(3, 10, tempKeys());

  static WebDriver browser;

  private static Path tempKeys() {
    try {
      return Files.createTempDirectory("swarmgrid-dashboard-keys");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void openBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      String why = "Chromium or chromedriver missing: apt-get install -y chromium chromium-driver";
      assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as(why).isFalse();
      Assumptions.abort(why);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1100");
    // The driver is named: Selenium never looks for or downloads one.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static SwarmHttpServer server() {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> SwarmGrid.service(cluster.member(0), SwarmHttpServer.class), o -> o.isPresent())
        .orElseThrow();
  }

  private static void register(HazelcastInstance hz, String id, NodeTier tier, NodeKeys keys) {
    new NodeRegistry(hz)
        .register(
            new NodeInfo(
                id,
                "default",
                tier,
                List.of(),
                new Capacity(1, 256, 0),
                keys.publicKey(),
                NodeStatus.ACTIVE,
                "",
                "",
                List.of(),
                "test",
                1,
                System.currentTimeMillis()));
  }

  private static List<byte[]> qualities(int seq) {
    byte[] full = new byte[1000];
    Arrays.fill(full, (byte) seq);
    return List.of(full, Arrays.copyOf(full, 500), Arrays.copyOf(full, 250));
  }

  @Test
  @Order(1)
  void dashboard_showsStreamsAndBudgets_startsTraining_showsItsRounds_andStopsAJob()
      throws Exception {
    for (HazelcastInstance m : cluster.members()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  SwarmGrid.service(m, LearningEngine.class).isPresent()
                      && SwarmGrid.service(m, PropagationEngine.class).isPresent());
    }
    HazelcastInstance hz = cluster.member(1);
    FashionMnist.Split data = FashionMnist.load(Path.of("../deploy/samples/fashion-mnist"));
    TrainingJobs.load(hz, "fmnist-train", data.train().slice(0, 600), 6);
    TrainingJobs.load(hz, "fmnist-test", data.test().slice(0, 200), 1);
    NodeKeys sourceKeys = NodeKeys.generate();
    register(hz, "dash-source", NodeTier.CLOUD, sourceKeys);
    register(hz, "dash-edge", NodeTier.EDGE, NodeKeys.generate());
    PropagationCalls.declare(hz, "dash.weights", "dash-edge", InterestLevel.LOW);
    PropagationCalls.budget(hz, "dash-edge", 1_000_000);
    StatePublisher publisher = new StatePublisher(hz, "dash-source", sourceKeys);
    for (int i = 1; i <= 5; i++) {
      PropagationCalls.publish(
              hz, publisher.next("dash.weights", i == 1, Priority.NORMAL, qualities(i)))
          .join();
    }

    browser.get(server().dashboardUrl());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
    // Tables are redrawn when a snapshot changes them: an element read may go stale.
    wait.ignoring(StaleElementReferenceException.class);
    wait.until(
        d -> {
          String streams = d.findElement(By.id("streams")).getText();
          return streams.contains("dash.weights") && streams.contains("dash-source");
        });
    wait.until(
        d -> {
          String budgets = d.findElement(By.id("budgets")).getText();
          return budgets.contains("dash-edge") && budgets.contains("1000000");
        });

    new Select(browser.findElement(By.id("train-rule"))).selectByValue("MEDIAN");
    browser.findElement(By.id("train-rounds")).clear();
    browser.findElement(By.id("train-rounds")).sendKeys("2");
    browser.findElement(By.id("train")).click();
    wait.until(d -> "OK".equals(d.findElement(By.id("train-result")).getAttribute("data-state")));
    String jobId =
        browser
            .findElement(By.id("train-result"))
            .getText()
            .replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
    By job = By.cssSelector("#jobs tr[data-job='" + jobId + "']");
    wait.until(
        d ->
            !d.findElements(job).isEmpty()
                && "DONE".equals(d.findElement(job).getAttribute("class")));
    assertThat(browser.findElement(job).getText()).contains("MEDIAN", "2/2");
    wait.until(d -> d.findElements(By.cssSelector("#rounds tr")).size() == 3);
    assertThat(browser.findElement(By.id("rounds-title")).getText()).contains(jobId);
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('propagation-panel').scrollIntoView()");
    screenshot("dashboard-0-streams-training.png");

    browser.findElement(By.id("train-rounds")).clear();
    browser.findElement(By.id("train-rounds")).sendKeys("500");
    browser.findElement(By.id("train")).click();
    wait.until(
        d ->
            d.findElement(By.id("train-result")).getText().contains("jobId")
                && !d.findElement(By.id("train-result")).getText().contains(jobId));
    String longJob =
        browser
            .findElement(By.id("train-result"))
            .getText()
            .replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
    By stop = By.cssSelector("#jobs button.stop[data-job='" + longJob + "']");
    wait.until(d -> !d.findElements(stop).isEmpty());
    // The table is redrawn every second: click the button of the current drawing.
    wait.until(
        d -> {
          List<WebElement> buttons = d.findElements(stop);
          if (buttons.isEmpty()) {
            return true;
          }
          try {
            buttons.get(0).click();
            return true;
          } catch (StaleElementReferenceException redrawn) {
            return false;
          }
        });
    By stopped = By.cssSelector("#jobs tr[data-job='" + longJob + "']");
    wait.until(d -> "FAILED".equals(d.findElement(stopped).getAttribute("class")));
    assertThat(browser.findElement(stopped).getText()).contains("stopped by an operator");
  }

  @Test
  @Order(2)
  void dashboard_showsEveryMember_runsAWorkload_andShowsAKilledMemberGo() throws Exception {
    browser.get(server().dashboardUrl());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    wait.until(d -> d.findElements(By.cssSelector("#members li")).size() == 3);
    for (String node : new String[] {"n0", "n1", "n2"}) {
      wait.until(
          d -> !d.findElements(By.cssSelector("g.node[data-node='" + node + "']")).isEmpty());
    }
    // Virtual nodes and their links come with the diffusion topology.
    wait.until(d -> d.findElements(By.cssSelector("#topology line")).size() >= 9);
    assertThat(browser.getCurrentUrl()).doesNotContain(HttpTestCluster.TOKEN);
    screenshot("dashboard-1-topology.png");

    wait.until(
        d -> !d.findElements(By.cssSelector("#workload option[value='word-count']")).isEmpty());
    new Select(browser.findElement(By.id("workload"))).selectByValue("word-count");
    browser.findElement(By.id("text")).clear();
    browser.findElement(By.id("text")).sendKeys("swarm grid swarm dashboard swarm");
    browser.findElement(By.id("inject")).click();
    wait.until(
        d -> "DONE".equals(d.findElement(By.id("inject-result")).getAttribute("data-state")));
    String result = browser.findElement(By.id("inject-result")).getText();
    assertThat(result).contains("\"swarm\": 3").contains("\"grid\": 1");
    wait.until(d -> d.findElement(By.id("diffusion")).getText().contains("DONE"));
    screenshot("dashboard-2-workload.png");

    cluster.member(2).getLifecycleService().terminate();
    wait.until(d -> d.findElements(By.cssSelector("#members li")).size() == 2);
    wait.until(
        d -> !d.findElements(By.cssSelector("g.node[data-node='n2'] circle.gone")).isEmpty());
    screenshot("dashboard-3-member-killed.png");
  }

  private static void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
