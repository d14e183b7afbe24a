package benchmarks.http;

import actors.Actor;

import java.util.HashMap;
import java.util.Map;

/** Counts requests per key and answers each ask with the key's new count: the state an actor route keeps. */
final class Tally extends Actor {

  private final Map<String, long[]> counts = new HashMap<>();

  @Override
  protected void receive(Object message) {
    long[] count = counts.computeIfAbsent((String) message, key -> new long[1]);
    sender().tell(++count[0], self());
  }
}
