package actors.grains.impl;

import actors.cluster.ClusterMessage;

/**
 * Reminder {@code name} is due, for the grain it is sent to; {@code answered} when a test fires
 * it and waits for the end of its turn.
 */
@ClusterMessage
record ReminderTick(String name, boolean answered) {
}
