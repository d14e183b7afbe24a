package actors.impl;

import actors.ActorRef;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Objects;

/** The reference to an actor of this JVM: a thin handle on its cell, one per cell. */
final class LocalActorRef implements ActorRef {

  final ActorCell cell;

  LocalActorRef(ActorCell cell) {
    this.cell = cell;
  }

  @Override
  public String path() {
    return cell.path();
  }

  @Override
  public void tell(Object message, ActorRef sender) {
    cell.sendMessage(Objects.requireNonNull(message, "message"), sender);
  }

  @Override
  public <T> Future<T> ask(Object message) {
    return ask(message, cell.system.defaultAskTimeout);
  }

  @Override
  public <T> Future<T> ask(Object message, Duration timeout) {
    return Asks.ask(cell.system, this, message, timeout, cell.isTerminated(), cell.context);
  }

  @Override
  public String toString() {
    return "Actor[" + path() + "]";
  }
}
