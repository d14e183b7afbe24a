package actors.sharding.impl;

import actors.ActorRef;
import actors.internal.Ownership;
import actors.internal.RemoteProvider;
import actors.sharding.impl.RegionMessages.Tick;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * What makes a region look again: the cluster manager reporting a node joined or gone, a host
 * announcing a change on the type's topic (both: {@link Tick#REFRESH}), and this node's right
 * to host changing ({@link Tick#OWNERSHIP}). Registered when the region starts, removed when it stops.
 */
final class RegionTriggers {

  private final RemoteProvider provider;
  private final Runnable membershipListener;
  private final Runnable ownershipListener;
  private final MessageConsumer<Object> changes;

  RegionTriggers(RemoteProvider provider, EventBus eventBus, String topic, ActorRef region) {
    this.provider = provider;
    this.membershipListener = () -> region.tell(Tick.REFRESH);
    this.ownershipListener = () -> region.tell(Tick.OWNERSHIP);
    provider.onMembershipChange(membershipListener);
    provider.ownership().onChange(ownershipListener);
    this.changes = eventBus.consumer(topic, change -> region.tell(Tick.REFRESH));
  }

  void remove() {
    provider.removeMembershipListener(membershipListener);
    provider.ownership().removeListener(ownershipListener);
    changes.unregister();
  }
}
