package actors.grains.sample;

import actors.grains.Grain;
import io.vertx.core.Future;

/** Refused: an argument whose type names nothing that can be read back. */
public interface BadArgument extends Grain {
  Future<Void> put(Object value);
}
