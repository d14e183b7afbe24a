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
 * The library on the module path, in a JVM of its own: it works, it exports the API packages
 * only, and an application that reaches for the machinery (a leaked context cast to its cell,
 * the accessors between actors and cells) is refused. The JVM logs every class it loads: a
 * local system loads nothing of the cluster.
 */
class ModuleTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void onTheModulePathOnlyTheApiIsReachable() throws Exception {
    Path target = Path.of("target");
    String modulePath = target.resolve("classes") + java.io.File.pathSeparator
        + Files.readString(target.resolve("runtime-classpath.txt")).trim();
    Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info", "--module-path", modulePath, "--add-modules", "actors.vertx",
        "-cp", target.resolve("test-classes").toString(), "modulecheck.ModulePathProbe")
        .redirectErrorStream(true)
        .start();
    List<String> lines = output(probe);
    assertThat(probe.waitFor(50, TimeUnit.SECONDS)).as("probe finished").isTrue();
    assertThat(probe.exitValue()).as("probe exit code; output: %s", lines).isZero();
    assertThat(lines).contains(
        "module actors.vertx",
        "exports [actors, actors.cluster, actors.dispatch, actors.event, actors.metrics, actors.monitor, actors.persistence, actors.routing, actors.sharding, actors.testkit, actors.web]",
        "asked /user/$a",
        "cell refused",
        "secrets refused");
    assertThat(lines).filteredOn(line -> line.contains("actors.cluster.impl.") || line.contains("ActorRegistryImpl"))
        .as("cluster classes loaded by a local system").isEmpty();
    assertThat(lines).filteredOn(line -> line.contains("actors.impl.cell.ActorCell ")).hasSize(1);
  }

  private static List<String> output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
  }
}
