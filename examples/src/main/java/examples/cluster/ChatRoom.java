package examples.cluster;

import actors.Actor;
import actors.ActorRef;
import actors.Terminated;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The room, on the first node: members of any node join with a reference to themselves, and
 * everything said reaches every member. It watches each member, so a member whose node leaves
 * or dies is gone from the room, and the others are told.
 */
public final class ChatRoom extends Actor {

  /** A member joins; {@code member} is a reference that works from any node. */
  public record Join(ActorRef member, String name) {
  }

  /** A member says something (its sender is the member). */
  public record Say(String text) {
  }

  /** What a member hears: who said what. */
  public record Said(String from, String text) {
  }

  private final Map<ActorRef, String> members = new LinkedHashMap<>();

  // tag::room[]
  @Override
  protected void receive(Object message) {
    if (message instanceof Join join) {
      context().watch(join.member()); // across nodes: Terminated when it stops or its node leaves
      members.put(join.member(), join.name());
      broadcast(new Said("room", join.name() + " joined"));
    } else if (message instanceof Say say && members.containsKey(sender())) {
      broadcast(new Said(members.get(sender()), say.text()));
    } else if (message instanceof Terminated terminated) {
      String name = members.remove(terminated.actor());
      if (name != null) {
        broadcast(new Said("room", name + " left"));
      }
    } else {
      unhandled(message);
    }
  }

  private void broadcast(Said said) {
    members.keySet().forEach(member -> member.tell(said, self()));
  }
  // end::room[]
}
