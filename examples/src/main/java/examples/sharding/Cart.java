package examples.sharding;

import actors.Actor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A shopping cart, one entity per cart id: it starts on the first message for its id, on the
 * node that owns the id's shard, and keeps its items in memory until it is passivated (idle) or
 * its shard moves. Its messages are JSON, so they cross nodes without a class allow-list.
 */
public final class Cart extends Actor {

  private final String id;
  private final List<String> items = new ArrayList<>();

  Cart(String id) {
    this.id = id;
  }

  // tag::cart[]
  @Override
  protected void receive(Object message) {
    if (message instanceof JsonObject command && command.containsKey("add")) {
      items.add(command.getString("add"));
      sender().tell(contents(), self());
    } else if (message instanceof JsonObject command && command.containsKey("get")) {
      sender().tell(contents(), self());
    } else {
      unhandled(message);
    }
  }

  private JsonObject contents() {
    return new JsonObject().put("cart", id).put("items", new JsonArray(items))
        .put("node", context().system().nodeId());
  }
  // end::cart[]
}
