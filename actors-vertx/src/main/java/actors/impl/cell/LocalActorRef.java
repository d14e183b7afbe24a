package actors.impl.cell;

import actors.ActorInfo;
import actors.ActorRef;
import actors.ActorSystem;
import actors.impl.Asks;
import actors.internal.ActorView;
import actors.internal.LocalRef;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** The reference to an actor of this JVM: a thin handle on its cell, one per cell. */
final class LocalActorRef implements LocalRef {

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
    cell.sendMessage(Objects.requireNonNull(message, "message"), sender, null);
  }

  @Override
  public <T> Future<T> ask(Object message) {
    return ask(message, cell.system.defaultAskTimeout());
  }

  @Override
  public <T> Future<T> ask(Object message, Duration timeout) {
    return Asks.ask(cell.system, this, message, timeout, cell.isTerminated(), cell.context);
  }

  @Override
  public ActorSystem system() {
    return cell.system;
  }

  @Override
  public void stop() {
    cell.sendSystem(new SystemMessages.Terminate());
  }

  @Override
  public void tell(Object message, ActorRef sender, Map<String, String> trace) {
    cell.sendMessage(Objects.requireNonNull(message, "message"), sender, trace);
  }

  @Override
  public ActorView view() {
    return new CellView(cell);
  }

  @Override
  public void inspect(Promise<ActorInfo> answer) {
    cell.sendSystem(new SystemMessages.Inspect<>(answer, FaultHandling::info));
  }

  @Override
  public Future<Void> whenTerminated() {
    return cell.terminationFuture();
  }

  @Override
  public int loadEstimate(int limit) {
    return cell.mailbox.loadEstimate(limit);
  }

  @Override
  public String toString() {
    return "Actor[" + path() + "]";
  }
}
