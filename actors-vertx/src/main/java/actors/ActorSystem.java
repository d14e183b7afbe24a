package actors;

import actors.cluster.ActorRegistry;
import actors.event.EventStream;
import actors.impl.ActorSystems;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;

import java.time.Duration;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * A hierarchy of actors hosted on a Vertx. The actors it creates as an {@link ActorRefFactory}
 * are top-level: children of the {@code /user} guardian. The system's root is a verticle
 * deployed on the Vertx, so undeploying it or closing the Vertx terminates the system.
 *
 * <p>All methods are thread-safe. {@code AutoCloseable}, so try-with-resources stops every
 * actor on the way out:
 * <pre>{@code
 * try (ActorSystem system = ActorSystem.create()) {
 *   ActorRef greeter = system.actorOf(Greeter::new, "greeter");
 *   greeter.tell("world");
 * }
 * }</pre>
 */
public interface ActorSystem extends ActorRefFactory, AutoCloseable {

  /** A system with default options on a Vertx of its own, which {@link #terminate()} closes. */
  static ActorSystem create() {
    return ActorSystems.create(null, new ActorSystemOptions());
  }

  /** A system with these options on a Vertx of its own, which {@link #terminate()} closes. */
  static ActorSystem create(ActorSystemOptions options) {
    return ActorSystems.create(null, options);
  }

  /** A system with default options hosted on {@code vertx}, which it never closes. */
  static ActorSystem create(Vertx vertx) {
    return create(vertx, new ActorSystemOptions());
  }

  /**
   * A system hosted on {@code vertx}, which it never closes.
   *
   * @throws NullPointerException  if an argument is null
   * @throws IllegalStateException if {@code vertx} is clustered, and the options have no cluster
   *                               secret and its event bus no TLS with client authentication
   */
  static ActorSystem create(Vertx vertx, ActorSystemOptions options) {
    return ActorSystems.create(java.util.Objects.requireNonNull(vertx, "vertx"), options);
  }

  /**
   * A system on a clustered Vertx of its own, joined to the cluster through
   * {@code clusterManager} (Hazelcast, Infinispan, Zookeeper: any Vert.x cluster manager). The
   * Future completes once other nodes can reach the system's actors; {@link #terminate()}
   * closes the Vertx, which leaves the cluster. The Future fails with an
   * {@code IllegalStateException} (and the Vertx is closed) when the options have no cluster
   * secret and the event bus no TLS with client authentication; see
   * {@link ActorSystemOptions#setClusterSecurity}.
   */
  static Future<ActorSystem> clustered(ClusterManager clusterManager, ActorSystemOptions options) {
    return clustered(new VertxOptions(), clusterManager, options);
  }

  /**
   * As {@link #clustered(ClusterManager, ActorSystemOptions)}, with options for the Vertx (for
   * example the event bus's host and port in {@link VertxOptions#getEventBusOptions()}).
   */
  static Future<ActorSystem> clustered(VertxOptions vertxOptions, ClusterManager clusterManager,
                                       ActorSystemOptions options) {
    java.util.Objects.requireNonNull(options, "options");
    return Vertx.builder().with(vertxOptions).withClusterManager(clusterManager).buildClustered()
        .compose(vertx -> ActorSystems.clustered(vertx, true, options)
            .recover(failure -> vertx.close().transform(closed -> Future.failedFuture(failure))));
  }

  /**
   * A system hosted on a clustered {@code vertx}, which it never closes; the Future completes
   * once other nodes can reach its actors. (A system made by {@link #create(Vertx, ActorSystemOptions)}
   * on a clustered Vertx works as well: what it sends to other nodes before then waits; it
   * throws where this Future fails.) The Future fails with an {@code IllegalStateException}
   * when the options have no cluster secret and the event bus no TLS with client authentication.
   *
   * @throws IllegalArgumentException if {@code vertx} is not clustered
   */
  static Future<ActorSystem> clustered(Vertx vertx, ActorSystemOptions options) {
    return ActorSystems.clustered(vertx, false, options);
  }

  /** The system's name, from its options. Systems of one name on different nodes form one actor cluster. */
  String name();

  /**
   * This node's id in the cluster, as the cluster manager gives it; {@code "local"} when the
   * Vertx is not clustered.
   */
  String nodeId();

  /**
   * The registry that finds actors by name: cluster-wide on a clustered Vertx, this Vertx's
   * otherwise.
   */
  ActorRegistry registry();

  /**
   * The address of an actor, which any node of the cluster can {@link #resolve(String)}: the id
   * of its node followed by its path, e.g. {@code 3f6c...e1/user/greeter}.
   *
   * @throws IllegalArgumentException if {@code ref} is neither an actor of this system nor a
   *                                  reference this system resolved
   */
  String addressOf(ActorRef ref);

  /**
   * The reference to the actor at {@code address} (see {@link #addressOf(ActorRef)}): a remote
   * reference for another node, whose messages travel over the clustered event bus; for this
   * node the actor itself, or, if none lives at that path, a reference whose messages are dead
   * letters and whose asks fail with {@link actors.cluster.ActorNotFoundException}.
   *
   * @throws IllegalArgumentException if {@code address} is not one, or names another node while
   *                                  this system is not clustered
   */
  ActorRef resolve(String address);

  /**
   * Stops an actor and its children; the Future completes once its {@code postStop} has run, its
   * name is free again, it has left the event stream and its watchers' {@code Terminated} is sent
   * (a watcher receives it as a message, after what its mailbox already held).
   * Stopping an actor that already stopped completes at once.
   *
   * @throws IllegalArgumentException if {@code ref} is not an actor of this system
   */
  Future<Void> stop(ActorRef ref);

  /**
   * Stops an actor after the messages already in its mailbox: it is sent a {@link PoisonPill}.
   * The Future completes once it has stopped (its {@code postStop} has run), or fails with a
   * {@link java.util.concurrent.TimeoutException} if it has not within {@code timeout} (it may
   * still stop later). Unlike {@link #stop(ActorRef)}, which stops the actor after its current
   * message and turns the queued ones into dead letters.
   *
   * @throws IllegalArgumentException if {@code ref} is not an actor of this system, or the
   *                                  timeout is not positive
   */
  Future<Void> gracefulStop(ActorRef ref, Duration timeout);

  /**
   * A snapshot of an actor: its state, how many messages wait in its mailbox, how many times it
   * restarted. Taken on the actor's context, so it costs the actor a moment between two
   * messages; an actor that has stopped answers {@link ActorInfo.State#STOPPED}.
   *
   * @throws IllegalArgumentException if {@code ref} is not an actor of this system
   */
  Future<ActorInfo> inspect(ActorRef ref);

  /**
   * Stops every actor, children before parents, running each {@code postStop}, then undeploys
   * the root verticle and, if the system owns its Vertx, closes it. Returns
   * {@link #whenTerminated()}; calling it again changes nothing.
   */
  Future<Void> terminate();

  /** Completes once the system has terminated. */
  Future<Void> whenTerminated();

  /**
   * Terminates and waits for it.
   *
   * @throws IllegalStateException when called on an event-loop thread, which must never block
   */
  @Override
  void close();

  /**
   * Makes an actor reachable at an event-bus address, so verticles, other modules and SockJS
   * bridge clients can talk to it. A {@code send} or {@code publish} to the address is a
   * {@code tell} without sender; a {@code request} is an {@code ask} (with the system's default
   * timeout) whose reply answers the request, and whose failure fails it with a
   * {@code ReplyException} coded as in {@link ReplyFailures}: the actor replied with
   * {@link Status.Failure}, or did not reply in time.
   *
   * <p>Records and POJOs cross the bus without codec set-up: the system registers a codec that
   * passes them as they are to local consumers (no copy: do not change a message once sent).
   * The consumer is unregistered when the actor stops and when the system terminates; the
   * returned consumer's {@code unregister()} removes it earlier.
   *
   * @return the consumer, once its registration has completed
   * @throws IllegalArgumentException if {@code ref} is not an actor of this system, or the
   *                                  address is blank
   * @throws IllegalStateException    if the system is terminating
   */
  Future<MessageConsumer<Object>> expose(ActorRef ref, String address);

  /**
   * The system's event stream: dead letters, supervised failures and actor lifecycle events are
   * published on it, and applications may publish their own.
   */
  EventStream eventStream();

  /** The reference whose messages are all dead letters; {@code sender()} when there is none. */
  ActorRef deadLetters();

  /** How many dead letters this system has seen. */
  long deadLetterCount();

  /**
   * Calls {@code listener} for every dead letter, on the thread that produced it; the listener
   * must be quick and must not block.
   */
  void addDeadLetterListener(Handler<DeadLetter> listener);

  /** Removes a listener added with {@link #addDeadLetterListener(Handler)}. */
  void removeDeadLetterListener(Handler<DeadLetter> listener);

  /** The Vertx the system runs on. */
  Vertx vertx();

  /** A copy of the options the system was created with. */
  ActorSystemOptions options();
}
