package examples.http;

import actors.Actor;

import java.util.HashMap;
import java.util.Map;

/** A key-value store: one actor owns the map, so no lock guards it. */
public final class KeyValueStore extends Actor {

  /** Stores {@code value} under {@code key}; answered with {@link Stored}. */
  public record Put(String key, String value) {
  }

  /** Asks for the value under {@code key}; answered with {@link Found} or {@link Missing}. */
  public record Get(String key) {
  }

  /** The reply to {@link Put}: whether the key was new. */
  public record Stored(String key, boolean created) {
  }

  /** The value under a key. */
  public record Found(String key, String value) {
  }

  /** No value under a key. */
  public record Missing(String key) {
  }

  private final Map<String, String> entries = new HashMap<>();

  @Override
  protected void receive(Object message) {
    if (message instanceof Put put) {
      boolean created = entries.put(put.key(), put.value()) == null;
      sender().tell(new Stored(put.key(), created), self());
    } else if (message instanceof Get get) {
      String value = entries.get(get.key());
      sender().tell(value != null ? new Found(get.key(), value) : new Missing(get.key()), self());
    } else {
      unhandled(message);
    }
  }
}
