package actors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's artifacts on the module path, in a JVM of their own: they resolve together, each
 * exports its API packages only (the SPI between them to the library's modules only), and an
 * application that reaches for the machinery (a leaked context cast to its cell, the accessors
 * between actors and cells) is refused; metrics and the embedded store work there too. The JVM
 * logs every class it loads: a local system loads nothing of the cluster.
 */
class ModuleTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void onTheModulePathOnlyTheApiIsReachable() throws Exception {
    Path target = Path.of("target");
    // The artifacts and their runtime dependencies (this module has no classes of its own).
    String modulePath = Files.readString(target.resolve("runtime-classpath.txt")).trim();
    Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info", "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
        "-cp", target.resolve("test-classes").toString(), "modulecheck.ModulePathProbe")
        .redirectErrorStream(true)
        .start();
    List<String> lines = output(probe);
    assertThat(probe.waitFor(50, TimeUnit.SECONDS)).as("probe finished").isTrue();
    assertThat(probe.exitValue()).as("probe exit code; output: %s", lines).isZero();
    String library = "[actors.vertx.grains, actors.vertx.metrics, actors.vertx.persistence, actors.vertx.postgres, "
        + "actors.vertx.sharding, actors.vertx.testkit, actors.vertx.web]";
    assertThat(lines).filteredOn(line -> line.startsWith("module ")).containsExactly(
        "module actors.vertx exports [actors, actors.cluster, actors.dispatch, actors.event, actors.internal to "
            + library + ", actors.routing]",
        "module actors.vertx.grains exports [actors.grains]",
        "module actors.vertx.metrics exports [actors.metrics]",
        "module actors.vertx.persistence exports [actors.persistence, actors.persistence.spi to [actors.vertx.postgres]]",
        "module actors.vertx.postgres exports []",
        "module actors.vertx.sharding exports [actors.sharding]",
        "module actors.vertx.testkit exports [actors.testkit]",
        "module actors.vertx.web exports [actors.monitor, actors.web]");
    assertThat(lines).contains("asked /user/$a", "cell refused", "secrets refused", "metrics counted", "tree page read", "store ready");
    assertThat(lines).filteredOn(line -> line.contains("actors.cluster.impl.") || line.contains("ActorRegistryImpl"))
        .as("cluster classes loaded by a local system").isEmpty();
    assertThat(lines).filteredOn(line -> line.contains("actors.impl.cell.ActorCell ")).hasSize(1);
  }

  private static List<String> output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
  }
}
