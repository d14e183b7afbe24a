package benchmarks.stats;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CPU time per operation of each iteration, as the runners read it back. */
class CpuTimeTest {

  @Test
  void eachIterationWritesItsCpuTimePerOperationAndTheRunnerReadsTheLastShots() throws Exception {
    Path file = Files.createTempFile("cpu-time-test", ".txt");
    System.setProperty(CpuTime.FILE, file.toString());
    try {
      CpuTime cpu = new CpuTime();
      for (int iteration = 0; iteration < 3; iteration++) {
        cpu.start();
        long spin = System.nanoTime() + 50_000_000; // 50 ms on this thread: five ticks of the OS's count at least
        long sum = 0;
        while (System.nanoTime() < spin) {
          sum += System.nanoTime() % 7;
        }
        cpu.count(1_000 + sum % 2);
        cpu.end();
      }
    } finally {
      System.clearProperty(CpuTime.FILE);
    }
    double[] perOperation = CpuTime.perOperation(file, 2);
    assertThat(perOperation).hasSize(2);
    // 50 ms over about 1,000 operations: about 50 µs each (more if other threads ran meanwhile).
    for (double nanos : perOperation) {
      assertThat(nanos).isBetween(30_000.0, 1_000_000.0);
    }
    assertThat(file).doesNotExist();
  }
}
