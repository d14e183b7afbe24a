package actors;

import io.vertx.core.Future;

import java.time.Duration;

/**
 * An immutable, shareable handle to an actor: the only way to talk to it.
 *
 * <p>All methods are thread-safe and never block. Messages from one sender to one actor are
 * received in the order they were sent; there is no ordering between different senders.
 * A message to an actor that has stopped becomes a {@link DeadLetter}.
 *
 * <p>A reference to an actor of another node of a Vert.x cluster (from
 * {@link ActorSystem#resolve(String)}, the {@link actors.cluster.ActorRegistry}, a message or a
 * sender) works the same way; two references to the same actor are equal wherever they came
 * from. See {@link actors.cluster} for what changes between nodes.
 *
 * <p>References are created by the {@link ActorSystem}; applications do not implement this
 * interface.
 */
public interface ActorRef {

  /**
   * The actor's path in the hierarchy, e.g. {@code /user/greeter}. Unique among living actors
   * of one system; a name may be reused after the actor that had it has stopped.
   */
  String path();

  /**
   * Sends a message without a sender: a reply the receiver sends to {@code sender()} becomes a
   * dead letter.
   *
   * @throws NullPointerException if {@code message} is null
   */
  default void tell(Object message) {
    tell(message, null);
  }

  /**
   * Sends a message; the receiver sees {@code sender} as {@link Actor#sender()}.
   *
   * @param sender the reference replies go to, or {@code null} for none
   * @throws NullPointerException if {@code message} is null
   */
  void tell(Object message, ActorRef sender);

  /**
   * Sends a message keeping the original sender of the message being processed, so the
   * receiver replies to that sender rather than to the forwarding actor.
   *
   * @param context the context of the actor that forwards, as given by {@link Actor#context()}
   * @throws NullPointerException if {@code message} or {@code context} is null
   */
  default void forward(Object message, ActorContext context) {
    java.util.Objects.requireNonNull(context, "context");
    tell(message, context.sender());
  }

  /**
   * Sends a message and returns a Future completed with the first reply, with the system's
   * default ask timeout ({@link ActorSystemOptions#getDefaultAskTimeout()}).
   *
   * @see #ask(Object, Duration)
   */
  <T> Future<T> ask(Object message);

  /**
   * Sends a message with a lightweight temporary reference as its sender, and returns a
   * Future completed with the first reply to it. When called on a Vert.x context, the
   * Future's callbacks run on that context. The Future fails with {@link AskTimeoutException}
   * when no reply arrives within {@code timeout}; a reply after that is a dead letter.
   *
   * @throws NullPointerException     if {@code message} or {@code timeout} is null
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  <T> Future<T> ask(Object message, Duration timeout);
}
