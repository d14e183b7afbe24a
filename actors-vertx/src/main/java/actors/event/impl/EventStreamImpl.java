package actors.event.impl;

import actors.ActorRef;
import actors.event.EventStream;
import actors.internal.LocalRef;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link EventStream}: an immutable array of subscriptions, replaced under a lock on
 * change and read without one on publish, which is the frequent operation.
 */
public final class EventStreamImpl implements EventStream {

  private record Subscription(ActorRef subscriber, Class<?> channel) {
  }

  private volatile Subscription[] subscriptions = new Subscription[0];
  private final Set<ActorRef> localSubscribers = ConcurrentHashMap.newKeySet();

  @Override
  public synchronized boolean subscribe(ActorRef subscriber, Class<?> channel) {
    Subscription added = new Subscription(Objects.requireNonNull(subscriber, "subscriber"),
        Objects.requireNonNull(channel, "channel"));
    Subscription[] current = subscriptions;
    if (Arrays.asList(current).contains(added)) {
      return false;
    }
    Subscription[] more = Arrays.copyOf(current, current.length + 1);
    more[current.length] = added;
    subscriptions = more;
    if (subscriber instanceof LocalRef local && localSubscribers.add(subscriber)) {
      // A subscriber that stops leaves every channel: on its own thread, before its stop
      // completes (leave); here again for one that subscribed while it was stopping.
      local.whenTerminated().onComplete(stopped -> leave(subscriber));
    }
    return true;
  }

  @Override
  public synchronized boolean unsubscribe(ActorRef subscriber, Class<?> channel) {
    Subscription removed = new Subscription(Objects.requireNonNull(subscriber, "subscriber"),
        Objects.requireNonNull(channel, "channel"));
    Subscription[] current = subscriptions;
    Subscription[] fewer = Arrays.stream(current).filter(s -> !s.equals(removed)).toArray(Subscription[]::new);
    subscriptions = fewer;
    return fewer.length < current.length;
  }

  @Override
  public synchronized void unsubscribe(ActorRef subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    subscriptions = Arrays.stream(subscriptions).filter(s -> !s.subscriber().equals(subscriber))
        .toArray(Subscription[]::new);
  }

  /** Takes an actor of this JVM out of every channel it joined; called as it stops. */
  public void leave(ActorRef subscriber) {
    if (localSubscribers.remove(subscriber)) {
      unsubscribe(subscriber);
    }
  }

  @Override
  public void publish(Object event) {
    Objects.requireNonNull(event, "event");
    for (Subscription subscription : subscriptions) {
      if (subscription.channel().isInstance(event)) {
        subscription.subscriber().tell(event);
      }
    }
  }

  /** Whether anyone would receive an event of {@code type}; lets the system skip building it. */
  public boolean hasSubscribers(Class<?> type) {
    for (Subscription subscription : subscriptions) {
      if (subscription.channel().isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }
}
