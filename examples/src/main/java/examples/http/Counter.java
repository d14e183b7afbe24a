package examples.http;

import actors.Actor;

/** Counts; answers every message with the count after it. */
public final class Counter extends Actor {

  /** Adds one; answered with the new {@link Count}. */
  public enum Increment { INSTANCE }

  /** Asks for the count; answered with {@link Count}. */
  public enum Read { INSTANCE }

  /** A count. */
  public record Count(long value) {
  }

  private long count;

  @Override
  protected void receive(Object message) {
    if (message == Increment.INSTANCE) {
      count++;
      sender().tell(new Count(count), self());
    } else if (message == Read.INSTANCE) {
      sender().tell(new Count(count), self());
    } else {
      unhandled(message);
    }
  }
}
