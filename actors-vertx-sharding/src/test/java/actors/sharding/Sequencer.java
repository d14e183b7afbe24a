package actors.sharding;

import actors.Actor;
import actors.ActorRef;
import actors.Props;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The entity (and singleton) of the order tests: it notes, per sender, the numbers it takes
 * ({@code {"s": sender, "n": number}}), in the order it takes them. Each incarnation reports what
 * it took to {@code collector}: when it stops (hand-off), and for one sender when that sender
 * says it is done ({@code {"done": sender}}), which arrives after all of that sender's numbers
 * if per-sender order holds.
 */
final class Sequencer extends Actor {

  private final String target;
  private final ActorRef collector;
  private final String incarnation = UUID.randomUUID().toString();
  private final Map<String, JsonArray> taken = new LinkedHashMap<>();

  private Sequencer(String target, ActorRef collector) {
    this.target = target;
    this.collector = collector;
  }

  static Props props(String target, ActorRef collector) {
    return Props.create(Sequencer.class, () -> new Sequencer(target, collector));
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof JsonObject numbered && numbered.containsKey("n")) {
      taken.computeIfAbsent(numbered.getString("s"), sender -> new JsonArray()).add(numbered.getInteger("n"));
    } else if (message instanceof JsonObject done && done.containsKey("done")) {
      String sender = done.getString("done");
      report(sender, taken.getOrDefault(sender, new JsonArray()));
    } else {
      sender().tell(new JsonObject().put("node", context().system().nodeId()), self());
    }
  }

  @Override
  public void postStop() {
    taken.forEach(this::report);
  }

  private void report(String sender, JsonArray numbers) {
    collector.tell(new JsonObject().put("target", target).put("sender", sender).put("incarnation", incarnation)
        .put("node", context().system().nodeId()).put("numbers", numbers.copy()));
  }
}
