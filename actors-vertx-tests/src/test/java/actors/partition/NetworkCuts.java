package actors.partition;

import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real network cuts between loopback addresses (127.0.0.2, 127.0.0.3, ...), with iptables rules
 * in a chain of their own that every test run empties and removes. Needs root and iptables:
 * without them the tests that use it are skipped with a loud message, unless
 * {@code -Dpartition.required=true} (CI) makes that a failure.
 */
final class NetworkCuts implements AutoCloseable {

  private static final String CHAIN = "ACTORS_PARTITION";

  private final List<String> addresses;

  private NetworkCuts(List<String> addresses) {
    this.addresses = addresses;
  }

  /**
   * The cuts between {@code addresses}, each made a loopback alias (Hazelcast binds only to an
   * interface's address); skips (or fails, when required) the test without root and iptables.
   */
  static NetworkCuts open(List<String> addresses) throws Exception {
    String missing = run("iptables", "-w", "-L", "INPUT", "-n") == 0 ? null
        : "iptables is missing, or this user may not change its rules (root is needed)";
    if (missing != null) {
      String message = "PARTITION TESTS SKIPPED: " + missing + "; install iptables and run as root "
          + "(bash .ci/run does both and requires them)";
      System.err.println("\n*** " + message + " ***\n");
      if (Boolean.getBoolean("partition.required")) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
    NetworkCuts cuts = new NetworkCuts(addresses);
    for (String address : addresses) {
      run("ip", "addr", "del", address + "/32", "dev", "lo");
      check(run("ip", "addr", "add", address + "/32", "dev", "lo"), "add the loopback alias " + address + " (ip addr add)");
    }
    cuts.removeChain();
    check(run("iptables", "-w", "-N", CHAIN), "create chain " + CHAIN);
    check(run("iptables", "-w", "-I", "INPUT", "-j", CHAIN), "jump to " + CHAIN);
    return cuts;
  }

  /** Cuts every address of {@code side} from every address of {@code other}, both ways. */
  void cut(Collection<String> side, Collection<String> other) throws Exception {
    for (String a : side) {
      for (String b : other) {
        check(run("iptables", "-w", "-A", CHAIN, "-s", a, "-d", b, "-j", "DROP"), "cut " + a + " from " + b);
        check(run("iptables", "-w", "-A", CHAIN, "-s", b, "-d", a, "-j", "DROP"), "cut " + b + " from " + a);
      }
    }
  }

  /** Removes every cut. */
  void heal() throws Exception {
    check(run("iptables", "-w", "-F", CHAIN), "flush " + CHAIN);
  }

  @Override
  public void close() throws Exception {
    removeChain();
    for (String address : addresses) {
      run("ip", "addr", "del", address + "/32", "dev", "lo");
    }
  }

  private void removeChain() throws Exception {
    while (run("iptables", "-w", "-D", "INPUT", "-j", CHAIN) == 0) {
      // every jump to the chain goes
    }
    run("iptables", "-w", "-F", CHAIN);
    run("iptables", "-w", "-X", CHAIN);
  }

  private static void check(int exit, String what) {
    if (exit != 0) {
      throw new IllegalStateException("iptables could not " + what + " (exit " + exit + ")");
    }
  }

  private static int run(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(command));
    Process process;
    try {
      process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (java.io.IOException notFound) {
      return -1;
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
