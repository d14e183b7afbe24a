package actors;

import actors.dispatch.Dispatchers;
import actors.routing.AdjustPoolSize;
import actors.routing.Broadcast;
import actors.routing.GetRoutees;
import actors.routing.Routees;
import actors.routing.Routers;
import actors.testkit.TestProbe;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutersTest extends SystemTestBase {

  /** Replies with its own path. */
  private static Props whoAmI() {
    return props((a, m) -> a.reply(a.me().path()));
  }

  private static List<ActorRef> routeesOf(ActorRef router, TestProbe probe) {
    probe.send(router, GetRoutees.INSTANCE);
    return probe.expectMsgClass(Routees.class).routees();
  }

  @Test
  void aRoundRobinPoolOfFourOnTwoEventLoopsProcessesAMillionMessagesUsingEveryRoutee(VertxTestContext test) {
    Vertx twoLoops = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    ActorSystem onTwo = ActorSystem.create(twoLoops, new ActorSystemOptions().setName("two-loops"));
    int messages = 1_000_000;
    Map<String, LongAdder> perRoutee = new ConcurrentHashMap<>();
    Set<Context> contexts = ConcurrentHashMap.newKeySet();
    LongAdder total = new LongAdder();
    Promise<Void> all = Promise.promise();
    ActorRef pool = onTwo.actorOf(Routers.pool(4, props((a, m) -> {
      contexts.add(Vertx.currentContext());
      perRoutee.computeIfAbsent(a.me().path(), p -> new LongAdder()).increment();
      total.increment();
      if (total.sum() == messages) {
        all.tryComplete();
      }
    })).roundRobin(), "pool");
    for (int i = 0; i < messages; i++) {
      pool.tell(i);
    }
    all.future()
        .eventually(() -> onTwo.terminate().compose(v -> twoLoops.close()))
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(perRoutee).hasSize(4);
          assertThat(perRoutee.values()).allMatch(count -> count.sum() == messages / 4);
          assertThat(contexts).hasSize(2);
          test.completeNow();
        })));
  }

  @Test
  void randomUsesEveryRoutee() {
    ActorRef pool = system.actorOf(Routers.pool(4, whoAmI()).random());
    TestProbe probe = new TestProbe(system);
    for (int i = 0; i < 400; i++) {
      probe.send(pool, i);
    }
    assertThat(new HashSet<>(probe.receiveN(400))).hasSize(4);
  }

  @Test
  void smallestMailboxAvoidsABusyRoutee() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ActorRef pool = system.actorOf(Routers.pool(2, props((a, m) -> {
      if (m.equals("block")) {
        inside.countDown();
        release.await(10, TimeUnit.SECONDS);
      } else {
        a.reply(a.me().path());
      }
    }).withDispatcher(Dispatchers.WORKER)).smallestMailbox());
    TestProbe probe = new TestProbe(system);
    List<ActorRef> routees = routeesOf(pool, probe);
    ActorRef busy = routees.get(0);
    busy.tell("block");
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 300; i++) {
      busy.tell("queued behind the block");
    }
    for (int i = 0; i < 100; i++) {
      probe.send(pool, i);
    }
    assertThat(probe.receiveN(100)).allMatch(path -> path.equals(routees.get(1).path()));
    release.countDown();
  }

  @Test
  void broadcastReachesEveryRouteeOnce() {
    ActorRef pool = system.actorOf(Routers.pool(3, whoAmI()).roundRobin());
    TestProbe probe = new TestProbe(system);
    probe.send(pool, new Broadcast("all of you"));
    assertThat(new HashSet<>(probe.receiveN(3))).hasSize(3);
    probe.expectNoMsg();
    ActorRef everyone = system.actorOf(Routers.pool(3, whoAmI()).broadcast());
    probe.send(everyone, "hello");
    assertThat(new HashSet<>(probe.receiveN(3))).hasSize(3);
  }

  record Deposit(String account, int cents) {
  }

  @Test
  void consistentHashingSendsEqualKeysToOneRoutee() {
    ActorRef pool = system.actorOf(Routers.pool(4, whoAmI()).consistentHashing(m -> ((Deposit) m).account()));
    TestProbe probe = new TestProbe(system);
    Map<String, Set<Object>> routeesByAccount = new ConcurrentHashMap<>();
    for (int i = 0; i < 400; i++) {
      String account = "account-" + (i % 20);
      probe.send(pool, new Deposit(account, i));
      routeesByAccount.computeIfAbsent(account, k -> new HashSet<>()).add(probe.receiveN(1).get(0));
    }
    assertThat(routeesByAccount.values()).allMatch(routees -> routees.size() == 1);
    assertThat(routeesByAccount.values().stream().flatMap(Set::stream).distinct().count()).isGreaterThan(1);
  }

  @Test
  void aKeyFunctionThatThrowsMakesADeadLetterWithTheReason() {
    List<DeadLetter> letters = new java.util.concurrent.CopyOnWriteArrayList<>();
    system.addDeadLetterListener(letters::add);
    ActorRef pool = system.actorOf(Routers.pool(2, whoAmI()).consistentHashing(m -> ((Deposit) m).account()));
    TestProbe probe = new TestProbe(system);
    probe.send(pool, "not a deposit");
    probe.send(pool, new Deposit("a", 1));
    probe.expectMsgClass(String.class);
    assertThat(letters).singleElement().satisfies(letter ->
        assertThat(letter.reason()).startsWith("the router's key function threw java.lang.ClassCastException"));
  }

  @Test
  void aGroupRoutesToExistingActorsAndDropsOnesThatStop() {
    ActorRef a = system.actorOf(whoAmI(), "a");
    ActorRef b = system.actorOf(whoAmI(), "b");
    ActorRef group = system.actorOf(Routers.group(List.of(a, b)).roundRobin(), "group");
    TestProbe probe = new TestProbe(system);
    probe.send(group, 1);
    probe.send(group, 2);
    assertThat(probe.receiveN(2)).containsExactlyInAnyOrder("/user/a", "/user/b");
    system.stop(a).await();
    probe.expectTerminated(a);
    // The group watches a too; its own Terminated may still be on the way: ask until it is in.
    List<ActorRef> routees = routeesOf(group, probe);
    for (long deadline = System.nanoTime() + 3_000_000_000L; routees.size() > 1 && System.nanoTime() < deadline; ) {
      routees = routeesOf(group, probe);
    }
    assertThat(routees).containsExactly(b);
    probe.send(group, 3);
    probe.send(group, 4);
    assertThat(probe.receiveN(2)).containsExactly("/user/b", "/user/b");
  }

  @Test
  void aFailingRouteeIsRestartedAloneAndTheOthersKeepTheirState() {
    // A new counter for every instance: the factory runs per routee and per restart.
    Props counting = Props.create(FnActor.class, () -> new FnActor(new FnActor.Behaviour() {
      int count;

      @Override
      public void receive(FnActor a, Object m) {
        if (m.equals("fail")) {
          throw new IllegalStateException("routee failure");
        }
        a.reply(++count);
      }
    }));
    ActorRef pool = system.actorOf(Routers.pool(2, counting).roundRobin());
    TestProbe probe = new TestProbe(system);
    List<ActorRef> routees = routeesOf(pool, probe);
    probe.send(routees.get(0), "count");
    probe.send(routees.get(1), "count");
    probe.expectMsg(1);
    probe.expectMsg(1);
    routees.get(0).tell("fail");
    probe.send(routees.get(0), "count");
    probe.expectMsg(1); // restarted: its count began again
    probe.send(routees.get(1), "count");
    probe.expectMsg(2); // untouched
    assertThat(routeesOf(pool, probe)).isEqualTo(routees);
  }

  @Test
  void adjustPoolSizeGrowsAndShrinksThePool() {
    ActorRef pool = system.actorOf(Routers.pool(3, whoAmI()).roundRobin());
    TestProbe probe = new TestProbe(system);
    probe.send(pool, new AdjustPoolSize(2));
    assertThat(routeesOf(pool, probe)).hasSize(5);
    List<ActorRef> before = routeesOf(pool, probe);
    probe.send(pool, new AdjustPoolSize(-3));
    List<ActorRef> after = routeesOf(pool, probe);
    assertThat(after).isEqualTo(before.subList(0, 2));
    probe.expectTerminated(before.get(4));
    probe.send(pool, new AdjustPoolSize(-10));
    assertThat(routeesOf(pool, probe)).hasSize(1);
  }

  @Test
  void aPoolStopsWithItsLastRouteeAndThenMessagesAreDeadLetters() {
    ActorRef pool = system.actorOf(Routers.pool(1, whoAmI()).roundRobin());
    TestProbe probe = new TestProbe(system);
    ActorRef only = routeesOf(pool, probe).get(0);
    system.stop(only);
    probe.expectTerminated(pool);
    long before = system.deadLetterCount();
    pool.tell("anyone?");
    assertThat(system.deadLetterCount()).isEqualTo(before + 1);
  }

  @Test
  void askThroughARouterIsAnsweredByARoutee() {
    ActorRef pool = system.actorOf(Routers.pool(2, whoAmI()).roundRobin(), "askable");
    assertThat(pool.<String>ask("who?").await()).startsWith("/user/askable/$");
  }

  @Test
  void badRoutersAreRefused() {
    assertThatThrownBy(() -> Routers.pool(0, whoAmI()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a router pool needs at least one routee, was 0");
    assertThatThrownBy(() -> Routers.pool(-1, whoAmI())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Routers.group(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a router group needs at least one routee");
    assertThatThrownBy(() -> Routers.pool(2, whoAmI()).consistentHashing(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Broadcast(null)).isInstanceOf(NullPointerException.class);
  }
}
