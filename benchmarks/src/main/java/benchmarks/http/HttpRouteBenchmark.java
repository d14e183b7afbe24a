package benchmarks.http;

import benchmarks.stats.Ratio;
import benchmarks.stats.Samples;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP route as users run it: {@link RouteServer} answers {@code GET} on three routes (the
 * route updates state itself, asks a shared actor, asks its own loop's actor), driven by wrk
 * from a process of its own over the loopback; once with the system's default idle spin and once
 * without. Each round starts a fresh server per spin setting and runs every route (in an order
 * rotated each round): a warm-up run, then a measured one. Writes {@code http.md} and
 * {@code http.json}: requests/s, p50 and p99 per route, each actor route against the plain one
 * with a 95% interval over the rounds.
 *
 * <p>Arguments: {@code --quick} (one short round), {@code --rounds N}, {@code --out DIR}
 * (default {@code benchmarks/results}).
 */
public final class HttpRouteBenchmark {

  private static final int PORT = 8090;
  private static final Wrk WRK = new Wrk(1, 64);
  private static final Map<String, Duration> SPINS = new LinkedHashMap<>();

  static {
    SPINS.put("idle spin 20 µs (default)", actors.ActorSystemOptions.DEFAULT_IDLE_SPIN);
    SPINS.put("idle spin off", Duration.ZERO);
  }

  /** Per spin setting and route: requests/s, p50 and p99, a fork per round. */
  private record Measures(Samples requests, Samples p50, Samples p99) {
    Measures() {
      this(new Samples(), new Samples(), new Samples());
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    boolean quick = arguments.contains("--quick");
    int rounds = arguments.contains("--rounds") ? Integer.parseInt(args[arguments.indexOf("--rounds") + 1]) : quick ? 1 : 5;
    int warmupSeconds = quick ? 3 : 5;
    int seconds = quick ? 5 : 10;
    Path dir = Path.of(arguments.contains("--out") ? args[arguments.indexOf("--out") + 1] : "benchmarks/results");
    Wrk.check();

    Map<String, Map<String, Measures>> measures = new LinkedHashMap<>();
    SPINS.keySet().forEach(spin -> {
      Map<String, Measures> perRoute = new LinkedHashMap<>();
      for (String route : RouteVerticle.ROUTES) {
        perRoute.put(route, new Measures());
      }
      measures.put(spin, perRoute);
    });
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      List<String> spins = new ArrayList<>(SPINS.keySet());
      Collections.rotate(spins, -round);
      for (String spin : spins) {
        try (RouteServer server = RouteServer.start(PORT, SPINS.get(spin))) {
          List<String> routes = new ArrayList<>(List.of(RouteVerticle.ROUTES));
          Collections.rotate(routes, -round);
          for (String route : routes) {
            String url = "http://127.0.0.1:" + PORT + "/" + route + "/key";
            WRK.run(url, warmupSeconds);
            Wrk.Result result = WRK.run(url, seconds);
            Measures m = measures.get(spin).get(route);
            m.requests().addFork(new double[] {result.requestsPerSecond()});
            m.p50().addFork(new double[] {result.p50Micros()});
            m.p99().addFork(new double[] {result.p99Micros()});
            System.out.printf(Locale.ROOT, "round %d, %s, /%s: %,.0f requests/s, p50 %,.0f µs, p99 %,.0f µs%n",
                round + 1, spin, route, result.requestsPerSecond(), result.p50Micros(), result.p99Micros());
          }
        }
      }
    }
    write(dir, measures, rounds, warmupSeconds, seconds, (System.nanoTime() - start) / 1_000_000_000);
    System.exit(0);
  }

  private static void write(Path dir, Map<String, Map<String, Measures>> measures, int rounds, int warmupSeconds,
                            int seconds, long took) throws Exception {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "Run on %s: JDK %s, %d cores; %d rounds, %s on 127.0.0.1 (a process of its own), per route a %d s warm-up "
            + "run then a %d s measured one; server JVM: `%s`; %d min %d s.%n"
            + "Values are medians over the rounds; ratios are against the plain route of the same spin setting "
            + "(requests/s: actor ÷ plain; p99: plain ÷ actor; above 1, the actor route is ahead), with a 95%% "
            + "interval from a bootstrap over the paired rounds.%n%n",
        java.time.LocalDate.now(), Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds, WRK,
        warmupSeconds, seconds, String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()), took / 60, took % 60));
    md.append("| idle spin | route | requests/s | p50 µs | p99 µs | requests/s vs plain [95% CI] | p99 vs plain [95% CI] |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    JsonArray json = new JsonArray();
    for (var spin : measures.entrySet()) {
      Measures plain = spin.getValue().get("plain");
      for (var route : spin.getValue().entrySet()) {
        Measures m = route.getValue();
        md.append(String.format(Locale.ROOT, "| %s | /%s | %,.0f | %,.0f | %,.0f", spin.getKey(), route.getKey(),
            m.requests().median(), m.p50().median(), m.p99().median()));
        JsonObject row = new JsonObject().put("spin", spin.getKey()).put("route", route.getKey())
            .put("requestsPerSecond", m.requests().median()).put("p50Micros", m.p50().median()).put("p99Micros", m.p99().median());
        if (m == plain) {
          md.append(" | | |\n");
        } else {
          Ratio requests = Ratio.of(m.requests(), plain.requests(), true);
          Ratio p99 = Ratio.of(m.p99(), plain.p99(), false);
          md.append(" | ").append(requests.describe()).append(" | ").append(p99.describe()).append(" |\n");
          row.put("requestsVsPlain", ratioJson(requests)).put("p99VsPlain", ratioJson(p99));
        }
        json.add(row);
      }
    }
    md.append("\nThe idle spin, default against off (above 1, the default is ahead):\n\n");
    List<String> spins = new ArrayList<>(measures.keySet());
    for (String route : RouteVerticle.ROUTES) {
      Measures on = measures.get(spins.get(0)).get(route);
      Measures off = measures.get(spins.get(1)).get(route);
      md.append(String.format(Locale.ROOT, "* /%s: requests/s %s; p99 %s%n", route,
          Ratio.of(on.requests(), off.requests(), true).describe(), Ratio.of(on.p99(), off.p99(), false).describe()));
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("http.md"), md);
    Files.writeString(dir.resolve("http.json"), new JsonObject().put("date", java.time.LocalDate.now().toString())
        .put("rounds", rounds).put("load", WRK.toString()).put("rows", json).encodePrettily());
    System.out.println(md);
  }


  private static JsonObject ratioJson(Ratio ratio) {
    return new JsonObject().put("value", ratio.value()).put("low", ratio.low()).put("high", ratio.high())
        .put("verdict", ratio.verdict());
  }
}
