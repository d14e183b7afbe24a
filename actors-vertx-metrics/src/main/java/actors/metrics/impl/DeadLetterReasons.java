package actors.metrics.impl;

import actors.DeadLetter;

import java.util.List;
import java.util.Map;

/**
 * The category of a dead letter's reason, the value of its metric's tag. Reasons are sentences
 * that name actors, nodes and addresses; a tag needs few values, so each maps to one of these,
 * or to {@code other}.
 */
final class DeadLetterReasons {

  // In order: the first whose text the reason contains names it.
  private static final List<Map.Entry<String, String>> CATEGORIES = List.of(
      Map.entry(DeadLetter.RECIPIENT_STOPPED, "recipient_stopped"),
      Map.entry("mailbox full", "mailbox_full"),
      Map.entry("priority function", "mailbox_full"),
      Map.entry("already answered or timed out", "late_reply"),
      Map.entry("sent to deadLetters", "sent_to_dead_letters"),
      Map.entry("is not in the cluster", "node_unreachable"),
      Map.entry("sharding buffer", "sharding_buffer_full"),
      Map.entry("the region of", "sharding_region_stopped"),
      Map.entry("could not be started", "entity_not_started"),
      Map.entry("router", "router"),
      Map.entry("event-bus address", "bad_event_bus_message"),
      Map.entry("no actor", "no_such_actor"),
      Map.entry("refused", "refused"));

  private DeadLetterReasons() {
  }

  static String category(String reason) {
    if (reason == null) {
      return MicrometerMeters.OTHER;
    }
    for (Map.Entry<String, String> category : CATEGORIES) {
      if (reason.contains(category.getKey())) {
        return category.getValue();
      }
    }
    return MicrometerMeters.OTHER;
  }
}
