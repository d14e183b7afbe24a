package examples.cluster;

import actors.Actor;
import actors.ActorRef;
import actors.Terminated;

import java.util.function.Consumer;

/** One node's member of the room: joins it, says what it is told to, prints what it hears. */
public final class ChatMember extends Actor {

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
    context().watch(room);
    room.tell(new ChatRoom.Join(self(), name), self());
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof String line) {
      room.tell(new ChatRoom.Say(line), self());
    } else if (message instanceof ChatRoom.Said said) {
      out.accept("[" + said.from() + "] " + said.text());
    } else if (message instanceof Terminated) {
      out.accept("the room is gone: its node left");
      context().stop(self());
    } else {
      unhandled(message);
    }
  }
}
