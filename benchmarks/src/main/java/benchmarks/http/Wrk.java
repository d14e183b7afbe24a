package benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: wrk (Debian's package {@code wrk}), a process of its own on the loopback,
 * keeping a fixed number of connections busy for a fixed time.
 */
final class Wrk {

  /** What a run of wrk measured: requests/s, and latency percentiles in µs. */
  record Result(double requestsPerSecond, double p50Micros, double p99Micros) {
  }

  private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses|Socket errors");

  private final int threads;
  private final int connections;

  Wrk(int threads, int connections) {
    this.threads = threads;
    this.connections = connections;
  }

  /** Fails with a clear message where wrk is not installed. */
  static void check() throws InterruptedException {
    try {
      new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("the HTTP benchmark needs wrk on the PATH: apt-get install wrk", e);
    }
  }

  Result run(String url, int seconds) throws Exception {
    Process wrk = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", url))
        .redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      wrk.destroyForcibly();
      throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
    }
    return parse(output);
  }

  /** Reads wrk's report; a run with failed requests or socket errors does not count. */
  static Result parse(String output) {
    if (ERRORS.matcher(output).find()) {
      throw new IllegalStateException("requests failed, the run does not count:\n" + output);
    }
    Matcher requests = REQUESTS.matcher(output);
    if (!requests.find()) {
      throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
    }
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher percentile = PERCENTILE.matcher(output);
    while (percentile.find()) {
      double micros = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
        case "us" -> 1;
        case "ms" -> 1_000;
        default -> 1_000_000;
      };
      if (percentile.group(1).equals("50")) {
        p50 = micros;
      } else {
        p99 = micros;
      }
    }
    if (Double.isNaN(p50) || Double.isNaN(p99)) {
      throw new IllegalStateException("no latency distribution in wrk's output (run with --latency):\n" + output);
    }
    return new Result(Double.parseDouble(requests.group(1)), p50, p99);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "wrk -t%d -c%d", threads, connections);
  }
}
