package actors;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which Vert.x the tests run on: the build's own (the lowest of the supported range) in
 * actors-vertx, the newest in the compat module, which runs these same classes. A class path that
 * mixed them up would fail here, not pass silently.
 */
class VertxVersionTest {

  @Test
  void theTestsRunOnTheVertxTheBuildNames() throws IOException {
    String running;
    try (InputStream version = Vertx.class.getResourceAsStream("/META-INF/vertx/vertx-version.txt")) {
      assertThat(version).as("vertx-core's version file").isNotNull();
      running = new String(version.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    String expected = System.getProperty("vertx.expected.version");
    assertThat(expected).as("the build's vertx.expected.version").isNotBlank();
    assertThat(running).isEqualTo(expected);
  }
}
