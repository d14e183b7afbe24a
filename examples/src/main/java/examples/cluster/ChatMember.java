package examples.cluster;

import actors.Actor;
import actors.ActorRef;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One node's member of the room: joins it, says what it is told to, prints what it hears. It
 * joins again every few seconds, so that a room that moved to another node knows it.
 */
public final class ChatMember extends Actor {

  /** How often a member repeats its join. */
  static final Duration REJOIN = Duration.ofSeconds(2);

  private enum Rejoin { TICK }

  private final ActorRef room;
  private final String name;
  private final Consumer<String> out;

  ChatMember(ActorRef room, String name, Consumer<String> out) {
    this.room = room;
    this.name = name;
    this.out = out;
  }

  @Override
  public void preStart() {
    room.tell(new ChatRoom.Join(self(), name), self());
    context().timers().startTimerWithFixedDelay(Rejoin.TICK, Rejoin.TICK, REJOIN);
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof String line) {
      room.tell(new ChatRoom.Say(name, line), self());
    } else if (message instanceof ChatRoom.Said said) {
      out.accept("[" + said.from() + "] " + said.text());
    } else if (message == Rejoin.TICK) {
      room.tell(new ChatRoom.Join(self(), name), self());
    } else {
      unhandled(message);
    }
  }
}
