package actors.routing.impl;

import actors.ActorRef;
import actors.Kill;
import actors.PoisonPill;
import actors.Terminated;
import actors.internal.CellRouting;
import actors.internal.DeadLetters;
import actors.internal.LocalRef;
import actors.routing.AdjustPoolSize;
import actors.routing.Broadcast;
import actors.routing.GetRoutees;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A router's routing, done on the sender's thread: the cell of a router hands every message
 * that is not for the router itself to {@link #route}. The routees are an immutable snapshot
 * that the router replaces, on its own thread, when they change.
 */
final class Routing implements CellRouting {

  // How far the smallest-mailbox logic counts a routee's queue.
  private static final int COUNT_LIMIT = 256;

  private final DeadLetters deadLetters;
  private final ActorRef router;
  private final RouterConfig.Kind kind;
  private final AtomicLong next = new AtomicLong();
  private volatile ActorRef[] routees = new ActorRef[0];
  private volatile HashRing ring;

  Routing(DeadLetters deadLetters, ActorRef router, RouterConfig.Kind kind) {
    this.deadLetters = deadLetters;
    this.router = router;
    this.kind = kind;
  }

  /** Messages the router processes itself, in its mailbox: its management and its lifecycle. */
  @Override
  public boolean isForTheRouter(Object message) {
    return message instanceof AdjustPoolSize || message == GetRoutees.INSTANCE || message == PoisonPill.INSTANCE
        || message == Kill.INSTANCE || message instanceof Terminated;
  }

  List<ActorRef> routees() {
    return List.of(routees);
  }

  /** Replaces the routees; one thread at a time (the router's, or under its owner's lock). */
  void setRoutees(List<ActorRef> current) {
    routees = current.toArray(new ActorRef[0]);
    if (kind.type == RouterConfig.Kind.Type.CONSISTENT_HASHING) {
      ring = new HashRing(routees);
    }
  }

  @Override
  public void route(Object message, ActorRef sender) {
    ActorRef[] current = routees;
    if (current.length == 0) {
      deadLetters.publish(message, sender, router, "the router has no routees");
      return;
    }
    if (message instanceof Broadcast broadcast) {
      for (ActorRef routee : current) {
        routee.tell(broadcast.message(), sender);
      }
      return;
    }
    switch (kind.type) {
      case ROUND_ROBIN -> current[(int) Math.floorMod(next.getAndIncrement(), (long) current.length)].tell(message, sender);
      case RANDOM -> current[ThreadLocalRandom.current().nextInt(current.length)].tell(message, sender);
      case SMALLEST_MAILBOX -> smallestMailbox(current).tell(message, sender);
      case BROADCAST -> {
        for (ActorRef routee : current) {
          routee.tell(message, sender);
        }
      }
      case CONSISTENT_HASHING -> consistentHashing(message, sender);
    }
  }

  private ActorRef smallestMailbox(ActorRef[] current) {
    // Start at a moving index so that idle routees share the work.
    int start = (int) Math.floorMod(next.getAndIncrement(), (long) current.length);
    ActorRef best = null;
    int bestLoad = Integer.MAX_VALUE;
    for (int i = 0; i < current.length; i++) {
      ActorRef routee = current[(start + i) % current.length];
      int load = routee instanceof LocalRef local ? local.loadEstimate(COUNT_LIMIT) : COUNT_LIMIT;
      if (load == 0) {
        return routee;
      }
      if (load < bestLoad) {
        best = routee;
        bestLoad = load;
      }
    }
    return best;
  }

  private void consistentHashing(Object message, ActorRef sender) {
    Object key;
    try {
      key = kind.key.apply(message);
    } catch (RuntimeException e) {
      deadLetters.publish(message, sender, router, "the router's key function threw " + e);
      return;
    }
    if (key == null) {
      deadLetters.publish(message, sender, router, "the router's key function returned null");
      return;
    }
    ring.owner(key).tell(message, sender);
  }
}
