package benchmarks.grains;

import actors.grains.Grain;
import io.vertx.core.Future;

/** The grain of {@link GrainBenchmark}: answers what it is given. */
public interface Echo extends Grain {

  Future<String> echo(String question);
}
