package actors.impl;

import actors.internal.SystemServices;
import actors.ActorRef;
import actors.DeadLetter;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Objects;

/** {@code /deadLetters}: every message sent here is a dead letter. */
final class DeadLetterRef implements ActorRef {

  private final SystemServices system;

  DeadLetterRef(SystemServices system) {
    this.system = system;
  }

  @Override
  public String path() {
    return "/deadLetters";
  }

  @Override
  public void tell(Object message, ActorRef sender) {
    Objects.requireNonNull(message, "message");
    if (message instanceof DeadLetter letter) {
      system.deadLetterOffice().publish(letter.message(), letter.sender(), letter.recipient(), letter.reason());
    } else {
      system.deadLetterOffice().publish(message, sender, this, "sent to deadLetters");
    }
  }

  @Override
  public <T> Future<T> ask(Object message) {
    return ask(message, system.defaultAskTimeout());
  }

  @Override
  public <T> Future<T> ask(Object message, Duration timeout) {
    return Asks.ask(system, this, message, timeout, true, system.anyContext());
  }

  @Override
  public String toString() {
    return "DeadLetters[" + system.name() + "]";
  }
}
