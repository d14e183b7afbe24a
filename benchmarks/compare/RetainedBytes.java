import java.lang.reflect.Method;

/**
 * Prints the suite's heap retained per idle actor of ours: a million actors, references held.
 * Measured by the suite's own method, wherever the revision being built keeps it.
 */
public class RetainedBytes {
  public static void main(String[] args) throws Exception {
    Method measure;
    try {
      measure = Class.forName("benchmarks.suite.Probe").getDeclaredMethod("retainedBytesPerActor", String.class, int.class);
    } catch (ClassNotFoundException older) {
      measure = Class.forName("benchmarks.suite.Suite").getDeclaredMethod("retainedBytesPerActor", String.class, int.class);
    }
    measure.setAccessible(true);
    System.out.println(measure.invoke(null, "ours", 1_000_000));
    System.exit(0);
  }
}
