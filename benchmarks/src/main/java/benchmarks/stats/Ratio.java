package benchmarks.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A speed-up of ours over a peer, with a 95% confidence interval from a paired, two-level
 * bootstrap: the forks were interleaved (ours, pekko, bus, ours, ...), so fork {@code i} of both
 * platforms saw the same phase of a noisy machine; a resample draws fork indices with
 * replacement, then each drawn fork's shots with replacement, and takes the ratio of the two
 * medians. The interval is the 2.5th to 97.5th percentile of 10,000 such ratios.
 *
 * @param value the ratio of the medians: above 1, ours is ahead (peer ÷ ours where lower is better)
 * @param low   the interval's lower bound
 * @param high  the interval's upper bound
 * @param best  the ratio of the two best shots
 */
public record Ratio(double value, double low, double high, double best) {

  private static final int RESAMPLES = 10_000;

  public static Ratio of(Samples ours, Samples peer, boolean higherIsBetter) {
    double value = speedUp(ours.median(), peer.median(), higherIsBetter);
    int forks = Math.min(ours.forkCount(), peer.forkCount());
    SplittableRandom random = new SplittableRandom(42);
    double[] ratios = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      int[] drawn = drawForks(forks, random);
      ratios[r] = speedUp(resampledMedian(ours, drawn, random), resampledMedian(peer, drawn, random), higherIsBetter);
    }
    return withInterval(value, ratios, ours, peer, higherIsBetter);
  }

  /**
   * The same ratio where shot {@code i} of a fork of {@code ours} was taken back to back with shot
   * {@code i} of the same fork of {@code peer} (in one JVM): the median of the per-pair ratios,
   * its interval from a two-level bootstrap that draws forks, then pairs within each drawn fork.
   */
  public static Ratio paired(Samples ours, Samples peer, boolean higherIsBetter) {
    int forks = Math.min(ours.forkCount(), peer.forkCount());
    Samples pairs = new Samples();
    for (int f = 0; f < forks; f++) {
      double[] a = ours.fork(f);
      double[] b = peer.fork(f);
      double[] ratios = new double[Math.min(a.length, b.length)];
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = speedUp(a[i], b[i], higherIsBetter);
      }
      pairs.addFork(ratios);
    }
    SplittableRandom random = new SplittableRandom(42);
    double[] ratios = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      ratios[r] = resampledMedian(pairs, drawForks(forks, random), random);
    }
    return withInterval(pairs.median(), ratios, ours, peer, higherIsBetter);
  }

  private static int[] drawForks(int forks, SplittableRandom random) {
    int[] drawn = new int[forks];
    for (int i = 0; i < forks; i++) {
      drawn[i] = random.nextInt(forks);
    }
    return drawn;
  }

  /** {@code value} with the 2.5th to 97.5th percentile of {@code resampled} (sorted here) and the best shots' ratio. */
  private static Ratio withInterval(double value, double[] resampled, Samples ours, Samples peer, boolean higherIsBetter) {
    Arrays.sort(resampled);
    double best = speedUp(ours.best(higherIsBetter), peer.best(higherIsBetter), higherIsBetter);
    return new Ratio(value, resampled[(int) (RESAMPLES * 0.025)], resampled[(int) (RESAMPLES * 0.975) - 1], best);
  }

  /** "ahead" or "behind" only when the interval says so; "one shot" when there was nothing to resample. */
  public String verdict() {
    return low == high ? "one shot" : low > 1 ? "ahead" : high < 1 ? "behind" : "within noise";
  }

  /** {@code value [low, high] verdict}, as the tables print it. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%.2f [%.2f, %.2f] %s", value, low, high, verdict());
  }

  /** Whether a target speed-up is met (the interval clears it), missed (it lies below) or unclear. */
  public String against(double target) {
    return low == high ? "one shot" : low >= target ? "met" : high < target ? "missed" : "not shown";
  }

  private static double speedUp(double ours, double peer, boolean higherIsBetter) {
    return higherIsBetter ? ours / peer : peer / ours;
  }

  private static double resampledMedian(Samples samples, int[] forks, SplittableRandom random) {
    int total = 0;
    for (int fork : forks) {
      total += samples.fork(fork).length;
    }
    double[] pooled = new double[total];
    int next = 0;
    for (int fork : forks) {
      double[] shots = samples.fork(fork);
      for (int i = 0; i < shots.length; i++) {
        pooled[next++] = shots[random.nextInt(shots.length)];
      }
    }
    return Samples.median(pooled);
  }
}
