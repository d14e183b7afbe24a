package actors;

import actors.event.ActorStopped;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random supervision trees, up to four levels deep, with mixed strategies (one-for-one,
 * all-for-one, rest-for-one; resume, restart, stop, escalate; restart limits; children kept or
 * stopped on restart), and bursts of concurrent failures in {@code receive}, {@code preStart}
 * and {@code postRestart}. After each round every actor still alive answers a ping and none is
 * left suspended; once the tree is stopped, every instance that started got exactly one
 * {@code postStop}, and none that did not start got {@code preRestart}, {@code postStop} or a
 * message.
 *
 * <p>Seeded: {@code -Dsupervision.fuzz.seed=N} replays a run (the seed is in every failure
 * message); {@code -Dsupervision.fuzz.rounds=N} and {@code -Dsupervision.fuzz.seconds=S} bound it
 * (default 5,000 rounds or 20 s, whichever comes first).
 */
@ExtendWith(VertxExtension.class)
class SupervisionTreeFuzzTest {

  private static final long SEED = Long.getLong("supervision.fuzz.seed", System.nanoTime());
  private static final long SECONDS = Long.getLong("supervision.fuzz.seconds", 20);
  private static final int MAX_ROUNDS = Integer.getInteger("supervision.fuzz.rounds", 5_000);
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final Directive[] DIRECTIVES = Directive.values();

  /** The failure injected; the supervisors' deciders answer with the directive it names. */
  static final class Injected extends RuntimeException {
    final Directive directive;

    Injected(Directive directive) {
      super("injected, to " + directive, null, false, false);
      this.directive = directive;
    }
  }

  /** Fail in {@code receive}. */
  record Fail(Directive directive) {
  }

  enum Hook { PRE_START, POST_RESTART }

  /** A hook that will throw once, the next time it runs at that path. */
  record Armed(Hook hook, Directive directive) {
  }

  record Spec(String name, SupervisorStrategy.Scope scope, int maxRetries, boolean keepChildren, List<Spec> children) {
    int size() {
      return 1 + children.stream().mapToInt(Spec::size).sum();
    }
  }

  static Directive decide(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof Injected injected) {
        return injected.directive;
      }
    }
    return Directive.STOP;
  }

  /** What one round's actors record: their refs, and the lifecycle of every instance. */
  static final class Round {
    final int expected;
    final Promise<Void> built = Promise.promise();
    final Map<ActorRef, String> refs = new ConcurrentHashMap<>();
    final Map<String, Armed> armed = new ConcurrentHashMap<>();
    final Set<Node> started = ConcurrentHashMap.newKeySet();
    final Set<Node> stoppedInstances = ConcurrentHashMap.newKeySet();
    final List<String> violations = new CopyOnWriteArrayList<>();
    volatile String phase = "building";

    Round(int expected) {
      this.expected = expected;
    }

    /** Throws the injected failure if {@code hook} was armed at {@code path}; disarms it. */
    void failIfArmed(String path, Hook hook) {
      Armed armedHere = armed.get(path);
      if (armedHere != null && armedHere.hook == hook && armed.remove(path, armedHere)) {
        throw new Injected(armedHere.directive);
      }
    }
  }

  static final class Node extends Actor {
    private final Spec spec;
    private final Round round;

    Node(Spec spec, Round round) {
      this.spec = spec;
      this.round = round;
    }

    private String path() {
      return self().path();
    }

    @Override
    public void preStart() {
      round.failIfArmed(path(), Hook.PRE_START);
      for (Spec child : spec.children) {
        if (context().child(child.name).isEmpty()) {
          context().actorOf(() -> new Node(child, round), child.name);
        }
      }
      round.started.add(this);
      round.refs.putIfAbsent(self(), path());
      if (round.refs.size() >= round.expected) {
        round.built.tryComplete();
      }
    }

    @Override
    public void postRestart(Throwable reason) throws Exception {
      round.failIfArmed(path(), Hook.POST_RESTART);
      super.postRestart(reason);
    }

    @Override
    public void preRestart(Throwable reason, Object message) throws Exception {
      if (!round.started.contains(this)) {
        round.violations.add("preRestart of an instance that never started at " + path());
      }
      if (spec.keepChildren) {
        postStop();
      } else {
        super.preRestart(reason, message);
      }
    }

    @Override
    public void postStop() {
      if (!round.started.contains(this)) {
        round.violations.add("postStop of an instance that never started at " + path());
      }
      if (!round.stoppedInstances.add(this)) {
        round.violations.add("postStop twice on one instance at " + path());
      }
    }

    @Override
    protected void receive(Object message) {
      if (!round.started.contains(this) || round.stoppedInstances.contains(this)) {
        round.violations.add("a message for an instance that is not running at " + path());
      }
      if (message instanceof Fail fail) {
        throw new Injected(fail.directive);
      }
      sender().tell(path(), self());
    }

    @Override
    public SupervisorStrategy supervisorStrategy() {
      Duration window = Duration.ofMinutes(1);
      SupervisorStrategy strategy = switch (spec.scope) {
        case ONE_FOR_ONE -> SupervisorStrategy.oneForOne(spec.maxRetries, window, SupervisionTreeFuzzTest::decide);
        case ALL_FOR_ONE -> SupervisorStrategy.allForOne(spec.maxRetries, window, SupervisionTreeFuzzTest::decide);
        case REST_FOR_ONE -> SupervisorStrategy.restForOne(spec.maxRetries, window, SupervisionTreeFuzzTest::decide);
      };
      return strategy.withLoggingEnabled(false);
    }
  }

  private final Random random = new Random(SEED);
  private final Map<ActorRef, Promise<Void>> stopped = new ConcurrentHashMap<>();
  // The path of the round under way's root.
  private volatile String currentRoot = "";
  private ActorSystem system;
  private int failuresInjected;

  private Spec randomTree(String name, int depth) {
    List<Spec> children = new ArrayList<>();
    int count = depth >= 4 ? 0 : random.nextInt(depth == 1 ? 2 : 0, 4);
    for (int i = 0; i < count; i++) {
      children.add(randomTree("n" + i, depth + 1));
    }
    SupervisorStrategy.Scope scope = SupervisorStrategy.Scope.values()[random.nextInt(3)];
    int maxRetries = random.nextInt(4) == 0 ? -1 : random.nextInt(1, 5);
    return new Spec(name, scope, maxRetries, random.nextBoolean(), children);
  }

  private Directive randomDirective() {
    return DIRECTIVES[random.nextInt(DIRECTIVES.length)];
  }

  private Future<ActorRef> stoppedWatcher() {
    ActorRef listener = system.actorOf(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        if (message instanceof ActorStopped event) {
          // Only for the round under way: an event of a finished round, published after its
          // clean-up, would otherwise keep its cell, and a long run would pause for GC beyond
          // the patience.
          String root = currentRoot;
          String path = event.actor().path();
          if (path.equals(root) || path.startsWith(root + "/")) {
            stopped.computeIfAbsent(event.actor(), ref -> Promise.promise()).tryComplete();
          }
        } else {
          sender().tell(message, self());
        }
      }
    }, "stop-listener");
    system.eventStream().subscribe(listener, ActorStopped.class);
    return listener.ask("subscribed?").map(listener);
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.MINUTES)
  void everyLiveActorAnswersAndNoneIsLeftSuspendedAfterRandomFailuresInRandomTrees(Vertx vertx, VertxTestContext test) {
    // Escalations past a round's root restart it.
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("supervision-fuzz")
        .setGuardianStrategy(SupervisorStrategy.oneForOne(-1, Duration.ofMinutes(1), cause -> {
          Directive directive = decide(cause);
          return directive == Directive.ESCALATE ? Directive.RESTART : directive;
        }).withLoggingEnabled(false)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    int[] rounds = {0};
    // The machinery's own errors: a system message whose processing threw, a message processed
    // by an actor that had failed and was waiting for its supervisor.
    LogCapture log = new LogCapture("actors", m -> m.contains(": processing ") || m.contains("failed again"));
    stoppedWatcher()
        .compose(listener -> rounds(deadline, rounds))
        .onFailure(test::failNow)
        .compose(v -> system.terminate())
        .onComplete(test.succeeding(v -> test.verify(() -> {
          System.gc();
          System.out.printf("supervision fuzz: seed %d, %d rounds, %d failures injected; heap after GC %d MiB%n", SEED,
              rounds[0], failuresInjected,
              java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
          assertThat(rounds[0]).as("rounds run").isPositive();
          log.close();
          assertThat(log.messages()).as("the machinery's errors; seed " + SEED).isEmpty();
          test.completeNow();
        })));
  }

  /**
   * Runs rounds one after another until the bound. Each round starts from the completion of the
   * last, never composed onto it: a chain of thousands of composed Futures would complete
   * recursively, deeper than a thread's stack.
   */
  private Future<Void> rounds(long deadline, int[] done) {
    Promise<Void> all = Promise.promise();
    nextRound(0, deadline, done, all);
    return all.future();
  }

  private void nextRound(int r, long deadline, int[] done, Promise<Void> all) {
    if (r >= MAX_ROUNDS || System.nanoTime() > deadline) {
      all.tryComplete();
      return;
    }
    withinPatience(r).onComplete(round -> {
      if (round.failed()) {
        all.tryFail(round.cause());
        return;
      }
      done[0] = r + 1;
      nextRound(r + 1, deadline, done, all);
    });
  }

  /** A round, failed with the state of each of its actors if it does not end within a minute. */
  private Future<Void> withinPatience(int r) {
    Promise<Void> outcome = Promise.promise();
    Round[] current = new Round[1];
    long timer = system.vertx().setTimer(60_000, id -> {
      Round round = current[0];
      List<Future<ActorInfo>> infos = round.refs.keySet().stream().map(system::inspect).toList();
      // What answered within a second: an actor that does not answer inspect is telling too.
      system.vertx().setTimer(1000, later -> outcome.tryFail(new AssertionError("round " + r + " of seed " + SEED
          + " did not end within a minute in phase " + round.phase + "; its actors: "
          + infos.stream().map(f -> f.isComplete() ? String.valueOf(f.result()) : "(no answer to inspect)").toList())));
    });
    round(r, current).onComplete(done -> {
      system.vertx().cancelTimer(timer);
      if (done.succeeded()) {
        outcome.tryComplete();
      } else {
        outcome.tryFail(done.cause());
      }
    });
    return outcome.future();
  }

  private Future<Void> round(int r, Round[] current) {
    Spec spec = randomTree("root" + r, 1);
    Round round = new Round(spec.size());
    current[0] = round;
    currentRoot = "/user/" + spec.name;
    ActorRef root = system.actorOf(() -> new Node(spec, round), spec.name);
    String where = "seed " + SEED + ", round " + r + ", tree " + spec;
    return round.built.future()
        .compose(v -> {
          round.phase = "settling";
          inject(round);
          return settle(round, where, 0, null);
        })
        .compose(v -> {
          round.phase = "stopping";
          return system.stop(root);
        })
        .compose(v -> {
          assertThat(round.violations).as(where).isEmpty();
          Set<Node> neverStopped = ConcurrentHashMap.newKeySet();
          neverStopped.addAll(round.started);
          neverStopped.removeAll(round.stoppedInstances);
          assertThat(neverStopped).as("started instances without postStop; " + where).isEmpty();
          stopped.clear();
          return Future.succeededFuture();
        });
  }

  /** A burst of one to four failures at random actors, all sent at once. */
  private void inject(Round round) {
    List<ActorRef> refs = new ArrayList<>(round.refs.keySet());
    int failures = random.nextInt(1, 5);
    failuresInjected += failures;
    for (int i = 0; i < failures; i++) {
      ActorRef target = refs.get(random.nextInt(refs.size()));
      int kind = random.nextInt(10);
      if (kind >= 7) {
        // A hook throws the next time it runs there: after a restart, or when re-created.
        round.armed.put(target.path(), new Armed(kind == 9 ? Hook.POST_RESTART : Hook.PRE_START, randomDirective()));
        target.tell(new Fail(Directive.RESTART));
      } else {
        target.tell(new Fail(randomDirective()));
      }
    }
  }

  /**
   * Pings every actor of the round until two passes in a row find the same live actors, each
   * running and with the same restart count; an actor that neither answers nor stops within
   * the patience is left suspended, and fails the test.
   */
  private Future<Void> settle(Round round, String where, int pass, Map<ActorRef, Integer> previous) {
    if (pass > 20) {
      return Future.failedFuture(new AssertionError("the tree did not settle in 20 passes; " + where));
    }
    List<ActorRef> refs = new ArrayList<>(round.refs.keySet());
    List<Future<ActorInfo>> outcomes = new ArrayList<>();
    for (ActorRef ref : refs) {
      outcomes.add(aliveOrStopped(round, ref, where));
    }
    return Future.all(outcomes).compose(all -> {
      Map<ActorRef, Integer> restarts = new ConcurrentHashMap<>();
      boolean allRunning = true;
      for (int i = 0; i < refs.size(); i++) {
        ActorInfo info = all.resultAt(i);
        if (info != null) {
          restarts.put(refs.get(i), info.restartCount());
          allRunning &= info.state() == ActorInfo.State.RUNNING;
        }
      }
      if (allRunning && restarts.equals(previous) && round.refs.size() == refs.size()) {
        return Future.succeededFuture();
      }
      return settle(round, where, pass + 1, restarts);
    });
  }

  /** The actor's state once it has answered a ping; null once it has stopped. */
  private Future<ActorInfo> aliveOrStopped(Round round, ActorRef ref, String where) {
    Promise<ActorInfo> outcome = Promise.promise();
    stopped.computeIfAbsent(ref, r -> Promise.promise()).future().onSuccess(v -> outcome.tryComplete(null));
    ref.ask("ping", PATIENCE).compose(answer -> system.inspect(ref)).onComplete(answered -> {
      if (answered.succeeded()) {
        outcome.tryComplete(answered.result());
      } else {
        // Not delivered, or no answer: fine only if it has stopped, or is stopping and stops soon.
        system.inspect(ref).onSuccess(info -> {
          if (info.state() == ActorInfo.State.STOPPED) {
            outcome.tryComplete(null);
          } else {
            // What it was at the timeout tells a lost wake-up (running, a message waiting) from
            // a unit never given back (suspended); what it is later, whether it ever recovers.
            system.vertx().setTimer(PATIENCE.toMillis(), id -> system.inspect(ref).onSuccess(later ->
                outcome.tryFail(new AssertionError(round.refs.get(ref) + " neither answered a ping nor stopped within "
                    + PATIENCE + " (" + answered.cause() + "): at the timeout " + info + ", " + PATIENCE + " later "
                    + later + "; " + where, answered.cause()))));
          }
        });
      }
    });
    return outcome.future();
  }
}
