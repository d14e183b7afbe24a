package actors.persistence;

import java.util.Objects;

/** A snapshot as a store keeps it: the state of a persistence id after event {@code sequenceNr}, encoded. */
public record StoredSnapshot(String persistenceId, long sequenceNr, String manifest, byte[] payload) {

  public StoredSnapshot {
    Objects.requireNonNull(persistenceId, "persistenceId");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(payload, "payload");
  }
}
