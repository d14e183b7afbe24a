package benchmarks.http;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP benchmark's server and its reading of wrk, on every build; the load itself is on demand. */
class HttpRouteSmokeTest {

  @Test
  void everyRouteCountsItsKeyWithAndWithoutTheIdleSpin() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (Duration spin : new Duration[] {actors.ActorSystemOptions.DEFAULT_IDLE_SPIN, Duration.ZERO}) {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      try (RouteServer server = RouteServer.start(port, spin)) {
        for (String route : RouteVerticle.ROUTES) {
          for (int expected = 1; expected <= 3; expected++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + route + "/k"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("/%s", route).isEqualTo(200);
            // One connection stays on one event loop, so even the per-loop actor counts 1, 2, 3.
            assertThat(response.body()).as("/%s, spin %s", route, spin).isEqualTo(Integer.toString(expected));
          }
        }
      }
    }
  }

  @Test
  void wrksReportIsReadAndARunWithFailedRequestsDoesNotCount() {
    String report = """
        Running 5s test @ http://127.0.0.1:8090/plain/key
          1 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     1.52ms  402.11us  12.30ms   90.12%
            Req/Sec    42.31k     3.10k   47.00k    80.00%
          Latency Distribution
             50%    1.47ms
             75%    1.60ms
             90%    1.80ms
             99%  850.00us
          210534 requests in 5.00s, 15.06MB read
        Requests/sec:  42106.80
        Transfer/sec:      3.01MB
        """;
    Wrk.Result result = Wrk.parse(report);
    assertThat(result.requestsPerSecond()).isEqualTo(42106.80);
    assertThat(result.p50Micros()).isEqualTo(1470.0);
    assertThat(result.p99Micros()).isEqualTo(850.0);

    assertThatThrownBy(() -> Wrk.parse(report.replace("Requests/sec", "  Non-2xx or 3xx responses: 12\nRequests/sec")))
        .hasMessageContaining("requests failed");
    assertThatThrownBy(() -> Wrk.parse(report.replace("99%", "98%"))).hasMessageContaining("no latency distribution");
  }
}
