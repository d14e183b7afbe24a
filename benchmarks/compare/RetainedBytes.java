import java.lang.reflect.Method;

/** Prints the suite's heap retained per idle actor of ours: a million actors, references held. */
public class RetainedBytes {
  public static void main(String[] args) throws Exception {
    Method measure = Class.forName("benchmarks.suite.Suite").getDeclaredMethod("retainedBytesPerActor", String.class, int.class);
    measure.setAccessible(true);
    System.out.println(measure.invoke(null, "ours", 1_000_000));
    System.exit(0);
  }
}
