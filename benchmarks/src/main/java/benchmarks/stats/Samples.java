package benchmarks.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The measured shots of one platform on one row of the table, fork by fork, in the row's unit. */
public final class Samples {

  private final List<double[]> forks = new ArrayList<>();

  public void addFork(double[] shots) {
    if (shots.length == 0) {
      throw new IllegalArgumentException("a fork without shots");
    }
    forks.add(shots.clone());
  }

  public int forkCount() {
    return forks.size();
  }

  public double[] fork(int index) {
    return forks.get(index);
  }

  /** The median over every shot of every fork. */
  public double median() {
    return median(forks.stream().flatMapToDouble(Arrays::stream).toArray());
  }

  /** The best shot: the highest, or the lowest where lower is better. */
  public double best(boolean higherIsBetter) {
    var all = forks.stream().flatMapToDouble(Arrays::stream);
    return higherIsBetter ? all.max().orElseThrow() : all.min().orElseThrow();
  }

  /**
   * How much the second half of each fork's shots differs from its first half (median over the
   * forks of median(second) / median(first) - 1): near 0 when the warm-up reached steady state.
   */
  public double drift() {
    double[] drifts = new double[forks.size()];
    for (int i = 0; i < drifts.length; i++) {
      double[] shots = forks.get(i);
      int half = shots.length / 2;
      drifts[i] = half == 0 ? 0
          : median(Arrays.copyOfRange(shots, shots.length - half, shots.length)) / median(Arrays.copyOf(shots, half)) - 1;
    }
    return median(drifts);
  }

  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
