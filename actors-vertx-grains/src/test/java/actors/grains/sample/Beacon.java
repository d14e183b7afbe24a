package actors.grains.sample;

import actors.grains.Grain;
import io.vertx.core.Future;

/** A remembered grain: it counts its activations in its durable state. */
public interface Beacon extends Grain {

  /** How many times it was activated, this activation included. */
  Future<Integer> activations();

  /** The node the activation runs on. */
  Future<String> node();
}
