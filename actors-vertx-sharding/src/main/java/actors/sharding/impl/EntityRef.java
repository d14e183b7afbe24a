package actors.sharding.impl;

import actors.ActorRef;
import actors.internal.EntityEnvelope;
import actors.internal.SystemServices;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Objects;

/**
 * The reference to a sharded entity (or a singleton): what is sent to it goes, in an
 * {@link EntityEnvelope}, to this node's region of its type, which passes it to the node that
 * owns the entity's shard. Two references to the same entity of the same system are equal.
 */
final class EntityRef implements ActorRef {

  private final SystemServices system;
  private final ActorRef region;
  private final String entityId;
  private final String path;

  EntityRef(SystemServices system, ActorRef region, String entityId) {
    this.system = system;
    this.region = region;
    this.entityId = entityId;
    this.path = region.path() + "/" + EntityNames.encode(entityId);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void tell(Object message, ActorRef sender) {
    region.tell(new EntityEnvelope(entityId, Objects.requireNonNull(message, "message"), 0), sender);
  }

  @Override
  public <T> Future<T> ask(Object message) {
    return ask(message, system.defaultAskTimeout());
  }

  @Override
  public <T> Future<T> ask(Object message, Duration timeout) {
    return system.ask(this, message, timeout);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EntityRef that && that.system == system && that.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return "Entity[" + path + "]";
  }
}
