package examples.http;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.dispatch.Dispatchers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actor-tree page of the HTTP example in a real browser: Debian's chromium, headless,
 * driven by Selenium through Debian's chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs them). Without them it is skipped, with a message,
 * unless {@code -Dbrowser.required=true} (as {@code .ci/run} passes) makes that a failure.
 * Leaves a screenshot in {@code target/actor-tree.png}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ActorTreePageBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  // Set (true) where the browser must be there: a missing one fails the test instead of skipping it.
  private static final String REQUIRED = "browser.required";

  /** Blocks its event loop on nothing: on a worker thread, it waits on "block" until released. */
  public static final class Stuck extends Actor {
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Override
    protected void receive(Object message) throws InterruptedException {
      if (message.equals("block")) {
        RELEASE.await(60, TimeUnit.SECONDS);
      }
    }
  }

  /** Creates as many children as it is told, and says so. */
  public static final class Parent extends Actor {
    @Override
    protected void receive(Object message) {
      for (int i = 0; i < (Integer) message; i++) {
        context().actorOf(Props.create(Fragile.class), "child-" + i);
      }
      sender().tell("created", self());
    }
  }

  /** Fails on "fail"; its supervisor, the guardian, restarts it. */
  public static final class Fragile extends Actor {
    @Override
    protected void receive(Object message) {
      if (message.equals("fail")) {
        throw new IllegalStateException("asked to fail");
      }
    }
  }

  private Vertx vertx;
  private ActorSystem system;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    boolean browserPresent = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing = "the browser test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver";
    if (!browserPresent && !Boolean.getBoolean(REQUIRED)) {
      System.err.println("*** SKIPPED " + getClass().getSimpleName() + ": " + missing + ", then run mvn -B verify -D"
          + REQUIRED + "=true (as .ci/run does) to make a missing browser a failure ***");
      Assumptions.abort(missing);
    }
    assertThat(browserPresent).as(missing + " (-D" + REQUIRED + "=true)").isTrue();
    vertx = KeyValueApp.newVertx();
    system = KeyValueApp.newSystem(vertx);
    HttpServer server = await(KeyValueApp.start(vertx, system, 0, KeyValueApp.SLOW_TIMEOUT));
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get("http://localhost:" + server.actualPort() + "/actors/");
  }

  @AfterEach
  void stop() throws Exception {
    Stuck.RELEASE.countDown();
    if (browser != null) {
      browser.quit();
    }
    if (system != null) {
      await(system.terminate());
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private String cell(String path, String column) {
    return wait.ignoring(StaleElementReferenceException.class).until(page -> {
      var rows = page.findElements(By.cssSelector(".row[data-path='" + path + "'] ." + column));
      return rows.isEmpty() ? null : rows.get(0).getText();
    });
  }

  private void waitFor(String path, String column, String expected) {
    wait.withMessage(() -> path + " " + column + " never showed " + expected + "; last: " + cell(path, column))
        .until(page -> expected.equals(cell(path, column)));
  }

  @Test
  void theTreeRendersAndFollowsTheActorsLive() throws Exception {
    // The tree renders: the example's actors under /user.
    assertThat(cell("/user/kv", "cls")).isEqualTo("KeyValueStore");
    assertThat(browser.findElement(By.id("conn")).getText()).isEqualTo("live");

    // A child appears when one is created.
    system.actorOf(Props.create(Fragile.class), "fragile");
    waitFor("/user/fragile", "state", "running");

    // A restart count increments.
    ActorRef fragile = system.actorOf(Props.create(Fragile.class), "restarted");
    waitFor("/user/restarted", "restarts", "0");
    fragile.tell("fail");
    waitFor("/user/restarted", "restarts", "1");
    fragile.tell("fail");
    waitFor("/user/restarted", "restarts", "2");

    // The mailbox of a stuck actor rises.
    ActorRef stuck = system.actorOf(Props.create(Stuck.class).withDispatcher(Dispatchers.WORKER), "stuck");
    stuck.tell("block");
    for (int i = 0; i < 10; i++) {
      stuck.tell(i);
    }
    waitFor("/user/stuck", "mailbox", "10");
    for (int i = 0; i < 1_490; i++) {
      stuck.tell(i);
    }
    waitFor("/user/stuck", "mailbox", "1,500");
    assertThat(browser.findElement(By.cssSelector(".row[data-path='/user/stuck'] .mailbox")).getAttribute("class"))
        .contains("bad");

    // Dead letters show as they happen.
    ActorRef gone = system.actorOf(Props.create(Fragile.class), "gone");
    await(system.stop(gone));
    gone.tell("too late");
    WebElement letter = wait.until(page -> page.findElements(By.cssSelector("#letters li")).stream()
        .filter(item -> item.getText().contains("/user/gone")).findFirst().orElse(null));
    assertThat(letter.getText()).contains("recipient stopped");

    // A large family is paged: 200 children, then 200 more on "show more".
    ActorRef family = system.actorOf(Props.create(Parent.class), "family");
    assertThat((String) await(family.ask(450))).isEqualTo("created");
    waitFor("/user/family", "count", "450");
    wait.ignoring(StaleElementReferenceException.class).until(page -> {
      page.findElement(By.cssSelector(".row[data-path='/user/family'] .toggle")).click();
      return true;
    });
    wait.until(page -> page.findElements(By.cssSelector(".row[data-path^='/user/family/']")).size() == 200);
    assertThat(browser.findElement(By.cssSelector(".more[data-more='/user/family']")).getText())
        .contains("show 200 more (250 not shown of 450)");
    wait.ignoring(StaleElementReferenceException.class).until(page -> {
      page.findElement(By.cssSelector(".more[data-more='/user/family']")).click();
      return true;
    });
    wait.until(page -> page.findElements(By.cssSelector(".row[data-path^='/user/family/']")).size() == 400);
    assertThat(browser.findElement(By.cssSelector(".row[data-path='/user/family/child-399']"))).isNotNull();
    browser.findElement(By.id("collapse")).click();
    wait.until(page -> page.findElements(By.cssSelector(".row[data-path^='/user/family/']")).isEmpty());

    // Clicking a row shows the actor, and who watches it.
    // The page redraws the tree every second: an element found just before may be gone; try again.
    wait.ignoring(StaleElementReferenceException.class).until(page -> {
      page.findElement(By.cssSelector(".row[data-path='/user/restarted'] .name")).click();
      return true;
    });
    wait.ignoring(StaleElementReferenceException.class)
        .until(page -> page.findElement(By.id("watchers")).getText().equals("nobody"));
    assertThat(browser.findElement(By.id("details")).getText()).contains(Fragile.class.getName());

    File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of("target", "actor-tree.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
