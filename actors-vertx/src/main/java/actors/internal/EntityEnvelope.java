package actors.internal;

import java.util.Objects;

/**
 * A message for a sharded entity on its way to the node that hosts it: the entity's id, the
 * message, and how many nodes have passed it on so far (views of the members that disagree for
 * a moment must not bounce it for ever). The cluster transport encodes it natively.
 */
public record EntityEnvelope(String entityId, Object message, int hops) {

  public EntityEnvelope {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(message, "message");
  }

  /** The same envelope, one more node on. */
  public EntityEnvelope passedOn() {
    return new EntityEnvelope(entityId, message, hops + 1);
  }
}
