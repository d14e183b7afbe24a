package actors.internal;

import actors.ActorRef;

/** Where every concern puts what it could not deliver: counted, published and logged. Any thread. */
public interface DeadLetters {

  /** A message for an actor that has stopped. */
  void publish(Object message, ActorRef sender, ActorRef recipient);

  /** A message not delivered, for {@code reason}. */
  void publish(Object message, ActorRef sender, ActorRef recipient, String reason);
}
