package io.swarmgrid.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): it
 * shows every member, runs a workload from its form, and shows a killed member go. Screenshots go
 * to {@code target/dashboard-*.png}. Without Chromium the test is skipped on a developer machine
 * and fails on CI ({@code CI=true}).
 */
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

  @Test
  void dashboard_showsEveryMember_runsAWorkload_andShowsAKilledMemberGo() throws Exception {
    SwarmHttpServer server =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> SwarmGrid.service(cluster.member(0), SwarmHttpServer.class),
                o -> o.isPresent())
            .orElseThrow();
    browser.get(server.dashboardUrl());
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
