package actors.impl;

import actors.ActorRef;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference that hands each message to the next of its routees in turn: the ref of a pool of
 * actor verticles. Not an actor: routing costs a counter increment. Messages from one sender
 * reach different routees, so they are ordered per routee only. With no routee, a message is a
 * dead letter.
 */
public final class RoundRobinRef implements ActorRef {

  private final ActorSystemImpl system;
  private final String path;
  private final AtomicInteger next = new AtomicInteger();
  private volatile ActorRef[] routees = new ActorRef[0];
  private int members;

  RoundRobinRef(ActorSystemImpl system, String path) {
    this.system = system;
    this.path = path;
  }

  /** Numbers the routees of a verticle pool: 1, 2, ... */
  public synchronized int nextMemberNumber() {
    return ++members;
  }

  /** Adds a routee; it gets messages from now on. */
  public synchronized void add(ActorRef routee) {
    ActorRef[] current = routees;
    ActorRef[] more = Arrays.copyOf(current, current.length + 1);
    more[current.length] = routee;
    routees = more;
  }

  /** Removes a routee; returns whether any are left. */
  synchronized boolean remove(ActorRef routee) {
    routees = Arrays.stream(routees).filter(r -> r != routee).toArray(ActorRef[]::new);
    return routees.length > 0;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void tell(Object message, ActorRef sender) {
    Objects.requireNonNull(message, "message");
    ActorRef[] current = routees;
    if (current.length == 0) {
      system.deadLetterOffice.publish(message, sender, this, "no routees");
    } else {
      current[Math.floorMod(next.getAndIncrement(), current.length)].tell(message, sender);
    }
  }

  @Override
  public <T> io.vertx.core.Future<T> ask(Object message) {
    return ask(message, system.defaultAskTimeout);
  }

  @Override
  public <T> io.vertx.core.Future<T> ask(Object message, Duration timeout) {
    return Asks.ask(system, this, message, timeout, false, system.anyContext());
  }

  @Override
  public String toString() {
    return "RoundRobin[" + path + ", " + routees.length + " routees]";
  }
}
