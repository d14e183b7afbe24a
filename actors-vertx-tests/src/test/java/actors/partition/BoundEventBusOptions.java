package actors.partition;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;

/**
 * Event-bus options whose client connections leave from the node's own loopback address, not
 * 127.0.0.1, so that an iptables rule on source and destination cuts exactly one pair of
 * nodes: the clustered event bus builds its client's options from this JSON form. Pinged often,
 * as the manual advises for clusters that must heal quickly.
 */
final class BoundEventBusOptions extends EventBusOptions {

  BoundEventBusOptions(String address) {
    setHost(address);
    setPort(0);
    // A connection stuck across a cut is closed within seconds, not left to TCP's back-off after the heal.
    setClusterPingInterval(1_000);
    setClusterPingReplyInterval(2_000);
  }

  @Override
  public JsonObject toJson() {
    return super.toJson().put("localAddress", getHost());
  }
}
