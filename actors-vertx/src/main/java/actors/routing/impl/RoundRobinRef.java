package actors.routing.impl;

import actors.ActorRef;
import actors.internal.SystemServices;
import actors.internal.VerticlePool;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ref of a pool of actor verticles: not an actor, only a {@link Routing} with round-robin
 * logic over the pool's actors, which join and leave as the verticles start and stop. Messages
 * from one sender reach different routees, so they are ordered per routee only. With no
 * routee, a message is a dead letter.
 */
final class RoundRobinRef implements VerticlePool {

  private final SystemServices system;
  private final String path;
  private final Routing routing;
  private final List<ActorRef> members = new ArrayList<>();
  private int joined;

  RoundRobinRef(SystemServices system, String path) {
    this.system = system;
    this.path = path;
    this.routing = new Routing(system.deadLetterOffice(), this, RouterConfig.Kind.roundRobin());
  }

  @Override
  public synchronized int nextMemberNumber() {
    return ++joined;
  }

  @Override
  public synchronized void add(ActorRef routee) {
    members.add(routee);
    routing.setRoutees(members);
  }

  /** Removes a routee; returns whether any are left. */
  synchronized boolean remove(ActorRef routee) {
    members.remove(routee);
    routing.setRoutees(members);
    return !members.isEmpty();
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void tell(Object message, ActorRef sender) {
    routing.route(Objects.requireNonNull(message, "message"), sender);
  }

  @Override
  public <T> Future<T> ask(Object message) {
    return ask(message, system.defaultAskTimeout());
  }

  @Override
  public <T> Future<T> ask(Object message, Duration timeout) {
    return system.ask(this, message, timeout);
  }

  @Override
  public String toString() {
    return "RoundRobin[" + path + ", " + routing.routees().size() + " routees]";
  }
}
