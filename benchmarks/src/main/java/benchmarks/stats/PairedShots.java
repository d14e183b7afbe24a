package benchmarks.stats;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two configurations measured in one JVM, in pairs of shots taken back to back (A B, then B A,
 * ...): a slow phase of the host, which swings a whole fork's speed 2-3 times on a shared
 * machine, hits both shots of a pair alike, and both run on the same compiled code. A shot runs
 * rounds until its time has passed and gives the wall-clock and the process CPU time per
 * operation. {@link Ratio#paired} turns the pairs of several JVMs into a ratio with an interval.
 * A program that measures a fork prints its shots ({@link #print}); {@link #fork} runs such a
 * program in a JVM of its own and reads them back.
 */
public final class PairedShots {

  /** One round of a configuration; returns when all its operations are done. */
  @FunctionalInterface
  public interface Round {
    void run() throws Exception;
  }

  /** A shot's cost per operation, in ns. */
  public record Shot(String configuration, double wallNanos, double cpuNanos) {
  }

  private PairedShots() {
  }

  /**
   * {@code pairs} pairs of shots of {@code shotMillis} each of the configurations {@code names}
   * (two), whose rounds do {@code operationsPerRound} operations each; the first of a pair alternates.
   */
  public static List<Shot> pairs(String[] names, Round[] rounds, long operationsPerRound, int pairs, long shotMillis)
      throws Exception {
    List<Shot> shots = new ArrayList<>();
    for (int pair = 0; pair < pairs; pair++) {
      int first = pair % 2;
      shots.add(shot(names[first], rounds[first], operationsPerRound, shotMillis));
      shots.add(shot(names[1 - first], rounds[1 - first], operationsPerRound, shotMillis));
    }
    return shots;
  }

  private static Shot shot(String name, Round round, long operationsPerRound, long shotMillis) throws Exception {
    long cpuStart = CpuTime.processCpuNanos();
    long start = System.nanoTime();
    long end = start + shotMillis * 1_000_000;
    long rounds = 0;
    long now;
    do {
      round.run();
      rounds++;
      now = System.nanoTime();
    } while (now < end);
    double operations = (double) rounds * operationsPerRound;
    return new Shot(name, (now - start) / operations, (CpuTime.processCpuNanos() - cpuStart) / operations);
  }

  /** Prints {@code shots} for {@link #fork}, a line each. */
  public static void print(List<Shot> shots) {
    for (Shot shot : shots) {
      System.out.printf(Locale.ROOT, "shot %s %.3f %.3f%n", shot.configuration(), shot.wallNanos(), shot.cpuNanos());
    }
  }

  /**
   * Runs {@code main} with {@code args} in a JVM of its own with {@code jvmArgs} and this JVM's
   * class path, and returns the shots it printed; fails unless it exits normally with {@code expected}.
   */
  public static List<Shot> fork(List<String> jvmArgs, Class<?> main, List<String> args, int expected) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Shot> shots = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.split(" ");
        if (fields.length == 4 && fields[0].equals("shot")) {
          shots.add(new Shot(fields[1], Double.parseDouble(fields[2]), Double.parseDouble(fields[3])));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || shots.size() != expected) {
      throw new IllegalStateException(main.getSimpleName() + " " + args + ": the fork exited with " + exit + " after "
          + shots.size() + " of " + expected + " shots");
    }
    return shots;
  }

  /** One fork's shots: the first fork is 0. */
  @FunctionalInterface
  public interface ForkShots {
    List<Shot> shots(int fork) throws Exception;
  }

  /**
   * The two configurations' costs per operation over the forks, fork by fork: wall-clock
   * ({@code wall[i]} for configuration {@code i}) and CPU.
   */
  public record Measured(Samples[] wall, Samples[] cpu) {
  }

  /** Measures {@code forks} forks of {@code names} with {@code source}, printing each fork's shots under {@code label}. */
  public static Measured collect(String label, String[] names, int forks, ForkShots source) throws Exception {
    Measured measured = new Measured(new Samples[] {new Samples(), new Samples()}, new Samples[] {new Samples(), new Samples()});
    for (int fork = 0; fork < forks; fork++) {
      List<Shot> shots = source.shots(fork);
      for (int i = 0; i < 2; i++) {
        measured.wall()[i].addFork(of(shots, names[i], false));
        measured.cpu()[i].addFork(of(shots, names[i], true));
      }
      System.out.printf(Locale.ROOT, "%s, JVM %d: %s%n", label, fork + 1, shots);
    }
    return measured;
  }

  private static double[] of(List<Shot> shots, String configuration, boolean cpu) {
    return shots.stream().filter(shot -> shot.configuration().equals(configuration))
        .mapToDouble(cpu ? Shot::cpuNanos : Shot::wallNanos).toArray();
  }
}
