package examples.cluster;

import actors.Actor;
import actors.ActorRef;
import actors.Terminated;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The room, a cluster singleton: it runs on one node, and when that node dies another node
 * starts a fresh one. Members of any node join with a reference to themselves, and everything
 * said reaches every member. It watches each member, so a member whose node leaves or dies is
 * gone from the room, and the others are told. A fresh room learns its members again from
 * their next join or line.
 */
public final class ChatRoom extends Actor {

  /** A member joins (again: members repeat it, so that a fresh room knows them); {@code member} works from any node. */
  public record Join(ActorRef member, String name) {
  }

  /** A member says something (its sender is the member). */
  public record Say(String name, String text) {
  }

  /** What a member hears: who said what. */
  public record Said(String from, String text) {
  }

  private final Map<ActorRef, String> members = new LinkedHashMap<>();

  // tag::room[]
  @Override
  protected void receive(Object message) {
    if (message instanceof Join join) {
      enter(join.member(), join.name());
    } else if (message instanceof Say say) {
      enter(sender(), say.name()); // a line can reach a fresh room before its speaker's next join
      broadcast(new Said(say.name(), say.text()));
    } else if (message instanceof Terminated terminated) {
      String name = members.remove(terminated.actor());
      if (name != null) {
        broadcast(new Said("room", name + " left"));
      }
    } else {
      unhandled(message);
    }
  }

  private void enter(ActorRef member, String name) {
    if (members.putIfAbsent(member, name) == null) {
      context().watch(member); // across nodes: Terminated when it stops or its node leaves
      broadcast(new Said("room", name + " joined"));
    }
  }

  private void broadcast(Said said) {
    members.keySet().forEach(member -> member.tell(said, self()));
  }
  // end::room[]
}
