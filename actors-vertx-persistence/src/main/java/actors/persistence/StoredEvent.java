package actors.persistence;

import java.util.Objects;

/**
 * An event as a store keeps it: its persistence id, its sequence number (1, 2, 3, ... with no
 * gap per id), the name of its class, and its encoded form (JSON written by Jackson).
 */
public record StoredEvent(String persistenceId, long sequenceNr, String manifest, byte[] payload) {

  public StoredEvent {
    Objects.requireNonNull(persistenceId, "persistenceId");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(payload, "payload");
    if (sequenceNr < 1) {
      throw new IllegalArgumentException("sequenceNr must be at least 1, was " + sequenceNr);
    }
  }
}
