package actors.sharding;

import actors.Actor;
import actors.ActorRef;
import actors.Props;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The entity the sharding tests run: it counts numbered messages ({@code Integer}), notes the
 * first that is not above the one before, and answers {@code "state"} with what it knows, its node and its
 * incarnation. It tells {@code events} (if any) when it starts and stops, and {@code ledger} (if
 * any) of each numbered message.
 */
public final class Tally extends Actor {

  private final String id;
  private final ActorRef events;
  private final ActorRef ledger;
  private final String incarnation = UUID.randomUUID().toString();
  private long count;
  private int last = -1;
  private int firstOutOfOrder = -1;

  Tally(String id, ActorRef events, ActorRef ledger) {
    this.id = id;
    this.events = events;
    this.ledger = ledger;
  }

  public static Props props(String id, ActorRef events) {
    return Props.create(Tally.class, () -> new Tally(id, events, null));
  }

  /** An entity that also tells {@code ledger} of each numbered message: its id, the number, its incarnation and node. */
  public static Props reporting(String id, ActorRef ledger) {
    return Props.create(Tally.class, () -> new Tally(id, null, ledger));
  }

  @Override
  public void preStart() {
    if (events != null) {
      events.tell("started " + id);
    }
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof Integer number) {
      if (number <= last && firstOutOfOrder < 0) {
        firstOutOfOrder = number;
      }
      last = number;
      count++;
      if (ledger != null) {
        ledger.tell(new JsonObject().put("id", id).put("n", number).put("incarnation", incarnation)
            .put("node", context().system().nodeId()));
      }
    } else if ("state".equals(message)) {
      sender().tell(new JsonObject().put("id", id).put("node", context().system().nodeId())
          .put("incarnation", incarnation).put("count", count).put("last", last)
          .put("firstOutOfOrder", firstOutOfOrder).put("path", self().path()), self());
    } else if ("fail".equals(message)) {
      throw new IllegalStateException("asked to fail");
    } else {
      sender().tell(message, self());
    }
  }

  @Override
  public void postStop() {
    if (events != null) {
      events.tell("stopped " + id);
    }
  }
}
