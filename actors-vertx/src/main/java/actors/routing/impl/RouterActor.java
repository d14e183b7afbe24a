package actors.routing.impl;

import actors.Actor;
import actors.ActorRef;
import actors.SupervisorStrategy;
import actors.Terminated;
import actors.internal.LocalRef;
import actors.internal.RoutedCell;
import actors.internal.SystemServices;
import actors.routing.AdjustPoolSize;
import actors.routing.GetRoutees;
import actors.routing.Routees;

import java.util.ArrayList;
import java.util.List;

/**
 * The actor behind a router: it creates (pool) or watches (group) the routees, keeps the
 * routing's snapshot of them current, and supervises a pool's routees. It never sees the
 * messages it routes: the router's cell routes them on the sender's thread.
 */
public final class RouterActor extends Actor {

  private static final System.Logger LOG = System.getLogger("actors.routing");

  private final RouterConfig config;
  private final Routing routing;
  private final List<ActorRef> routees = new ArrayList<>();

  /**
   * Runs in {@code actorOf}, on the creating thread: the routees exist before the router's
   * reference is returned, so no message reaches a router without routees, and none needs to
   * wait in the router's mailbox, where it could be overtaken by later ones routed directly.
   * A restart's new instance takes over the routees of the old one.
   */
  public RouterActor(RouterConfig config) {
    this.config = config;
    RoutedCell cell = (RoutedCell) context();
    if (cell.routing() instanceof Routing existing) {
      this.routing = existing;
      routees.addAll(existing.routees());
      return;
    }
    this.routing = new Routing(SystemServices.of(context().system(), "a router").deadLetterOffice(), self(), config.kind);
    cell.installRouting(routing);
    if (config.isPool()) {
      for (int i = 0; i < config.size; i++) {
        routees.add(context().watch(context().actorOf(config.routeeProps)));
      }
    } else {
      for (ActorRef routee : config.group) {
        if (routee instanceof LocalRef) {
          context().watch(routee);
        }
        routees.add(routee);
      }
    }
    routing.setRoutees(routees);
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof Terminated terminated) {
      if (routees.remove(terminated.actor())) {
        routing.setRoutees(routees);
        if (routees.isEmpty()) {
          context().stop(self());
        }
      }
    } else if (message == GetRoutees.INSTANCE) {
      sender().tell(new Routees(routees), self());
    } else if (message instanceof AdjustPoolSize adjust) {
      adjust(adjust.change());
    } else {
      unhandled(message);
    }
  }

  private void adjust(int change) {
    if (!config.isPool()) {
      LOG.log(System.Logger.Level.WARNING, self().path() + " is a group router: AdjustPoolSize ignored");
      return;
    }
    if (change > 0) {
      for (int i = 0; i < change; i++) {
        routees.add(context().watch(context().actorOf(config.routeeProps)));
      }
      routing.setRoutees(routees);
    } else if (change < 0) {
      int remove = Math.min(-change, routees.size() - 1);
      List<ActorRef> removed = new ArrayList<>(routees.subList(routees.size() - remove, routees.size()));
      routees.removeAll(removed);
      routing.setRoutees(routees);
      // Out of the routing first, so they get nothing new; then they finish what they have.
      for (ActorRef routee : removed) {
        context().unwatch(routee);
        routee.tell(actors.PoisonPill.INSTANCE, self());
      }
    }
  }

  @Override
  public SupervisorStrategy supervisorStrategy() {
    return config.strategy;
  }

  /** A router's restart keeps its routees: it neither stops them nor creates new ones. */
  @Override
  public void preRestart(Throwable reason, Object message) {
  }

  @Override
  public void postRestart(Throwable reason) {
  }
}
