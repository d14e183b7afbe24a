package actors;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An actor's view of itself and its surroundings; as an {@link ActorRefFactory} it creates
 * children. Use it only from the actor's own code, on
 * its context (in {@code receive} and the lifecycle hooks, or in callbacks that run on
 * {@link #vertxContext()}); it is not thread-safe.
 */
public interface ActorContext extends ActorRefFactory {

  /** The actor's own reference. */
  ActorRef self();

  /** The sender of the message being processed; the dead-letter reference when it had none. */
  ActorRef sender();

  /** The supervisor of this actor; {@code /user} for actors the system created. */
  ActorRef parent();

  /** The system this actor belongs to. */
  ActorSystem system();

  /** The Vertx the system runs on. */
  Vertx vertx();

  /** The Vert.x context this actor is bound to for life; all its messages are processed on it. */
  Context vertxContext();

  /** The living children, in creation order. */
  List<ActorRef> children();

  /** The living child with this name, if any. */
  Optional<ActorRef> child(String name);

  /**
   * Stops an actor, asynchronously: this actor, or one of its children. The actor finishes the
   * message it is processing, its children stop, then its {@code postStop} runs; the messages
   * still queued become dead letters.
   *
   * @throws IllegalArgumentException if {@code ref} is neither this actor nor a child of it
   */
  void stop(ActorRef ref);

  /**
   * Watches another actor: once it stops, this actor receives {@link Terminated} for it (at
   * once if it has already stopped). Watching twice is the same as once.
   *
   * @return {@code ref}
   */
  ActorRef watch(ActorRef ref);

  /** Stops watching; a {@link Terminated} for {@code ref} not yet processed is discarded. */
  ActorRef unwatch(ActorRef ref);

  /** Replaces the current behaviour with {@code behaviour} until the next become or a restart. */
  default void become(Receive behaviour) {
    become(behaviour, true);
  }

  /**
   * Installs {@code behaviour}: replacing the current one when {@code discardOld}, else pushed
   * on top of it so {@link #unbecome()} returns to it. A restart returns to {@code receive}.
   */
  void become(Receive behaviour, boolean discardOld);

  /** Returns to the behaviour below the current one; to {@code receive} at the bottom. */
  void unbecome();

  /** This actor's timers: messages to itself, later or repeatedly, cancelled when it stops or restarts. */
  TimerScheduler timers();

  /**
   * Sends this actor {@link ReceiveTimeout#INSTANCE} once it has received no message for
   * {@code timeout}, and again after each further {@code timeout} of silence; every message
   * received restarts the count. {@link Duration#ZERO} turns it off, as does a restart.
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  void setReceiveTimeout(Duration timeout);

  /** The receive timeout; {@link Duration#ZERO} when off. */
  Duration receiveTimeout();
}
