package actors.grains;

import io.vertx.core.Future;

/**
 * An implementation that registers reminders ({@link GrainContext#registerReminder}) receives
 * them here, one turn each, on whichever node hosts the grain when the reminder is due.
 */
public interface Remindable {

  /** Reminder {@code name} is due; the turn ends when the Future completes. */
  Future<Void> receiveReminder(String name);
}
