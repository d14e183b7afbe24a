package actors.event;

import actors.ActorRef;

/**
 * A system-wide publish-subscribe channel, from {@code system.eventStream()}: actors subscribe
 * to a class of events and receive every event published that is an instance of it. The system
 * publishes on it every {@link actors.DeadLetter}, every failure a supervisor handled
 * ({@link ActorFailed}), and the lifecycle of every actor ({@link ActorStarted},
 * {@link ActorRestarted}, {@link ActorStopped}); applications publish their own events.
 *
 * <p>Events of one publisher reach a subscriber in the order they were published; so the
 * lifecycle events of one actor arrive in the order they happened. A subscriber that stops is
 * unsubscribed before its stop's Future completes. Thread-safe; publishing costs nothing while nobody subscribes to the event.
 */
public interface EventStream {

  /**
   * Subscribes {@code subscriber} to events that are instances of {@code channel}.
   *
   * @return whether it was not subscribed to that channel already
   */
  boolean subscribe(ActorRef subscriber, Class<?> channel);

  /**
   * Unsubscribes {@code subscriber} from {@code channel}.
   *
   * @return whether it was subscribed to it
   */
  boolean unsubscribe(ActorRef subscriber, Class<?> channel);

  /** Unsubscribes {@code subscriber} from every channel. */
  void unsubscribe(ActorRef subscriber);

  /**
   * Sends {@code event} to every subscriber of a channel it is an instance of, without sender.
   *
   * @throws NullPointerException if {@code event} is null
   */
  void publish(Object event);
}
