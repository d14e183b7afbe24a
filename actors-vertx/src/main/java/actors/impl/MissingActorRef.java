package actors.impl;

import actors.internal.CallerContext;
import actors.internal.SystemServices;
import actors.ActorRef;
import actors.cluster.ActorNotFoundException;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Objects;

/**
 * What an address of this node resolves to when no actor lives at its path: its messages are
 * dead letters, and an ask to it fails at once with {@link ActorNotFoundException}.
 */
final class MissingActorRef implements ActorRef {

  private final SystemServices system;
  private final String path;

  MissingActorRef(SystemServices system, String path) {
    this.system = system;
    this.path = path;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void tell(Object message, ActorRef sender) {
    system.deadLetterOffice().publish(Objects.requireNonNull(message, "message"), sender, this, notFound().getMessage());
  }

  @Override
  public <T> Future<T> ask(Object message) {
    return ask(message, system.defaultAskTimeout());
  }

  @Override
  public <T> Future<T> ask(Object message, Duration timeout) {
    Objects.requireNonNull(message, "message");
    system.deadLetterOffice().publish(message, null, this, notFound().getMessage());
    return CallerContext.failed(notFound());
  }

  ActorNotFoundException notFound() {
    return new ActorNotFoundException("no actor at " + path + " on node " + system.nodeId());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MissingActorRef ref && ref.system == system && ref.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return "Actor[" + path + " (none)]";
  }
}
