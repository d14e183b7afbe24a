package actors;

import actors.dispatch.Dispatchers;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class DispatchersTest {

  private static final String BLOCKED_THREAD_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";

  private final List<Vertx> ownVertx = new ArrayList<>();

  /** A Vertx whose blocked-thread checker looks every 20 ms. */
  private Vertx vertxCheckingEvery20Ms(long maxEventLoopMillis) {
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(maxEventLoopMillis).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    ownVertx.add(vertx);
    return vertx;
  }

  @AfterEach
  void closeOwnVertx(VertxTestContext test) {
    Future.all(ownVertx.stream().map(Vertx::close).toList()).onComplete(test.succeedingThenComplete());
  }

  private static Props props(FnActor.Behaviour behaviour) {
    return Props.create(FnActor.class, () -> new FnActor(behaviour));
  }

  @Test
  void eventLoopActorsSpreadOverTheConfiguredNumberOfLoops(VertxTestContext test) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
    ownVertx.add(vertx);
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setEventLoops(2));
    List<Future<String>> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      threads.add(system.actorOf(props((self, message) -> self.reply(Thread.currentThread().getName()))).ask("where?"));
    }
    Future.all(threads).onComplete(test.succeeding(all -> test.verify(() -> {
      List<String> names = all.<String>list();
      // Round-robin over the first two loops: four actors on each.
      assertThat(names.stream().distinct().count()).isEqualTo(2);
      assertThat(names.subList(0, 2)).doesNotHaveDuplicates().isEqualTo(names.subList(2, 4));
      test.completeNow();
    })));
  }

  @Test
  void aWorkerActorRunsOnTheNamedWorkerPoolInOrder(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("w").setWorkerPoolName("blocking-io"));
    List<Integer> seen = new CopyOnWriteArrayList<>();
    ActorRef worker = system.actorOf(props((a, m) -> {
      test.verify(() -> {
        assertThat(Vertx.currentContext().isWorkerContext()).isTrue();
        assertThat(Thread.currentThread().getName()).startsWith("blocking-io-");
      });
      seen.add((Integer) m);
      if ((Integer) m == 99) {
        a.reply("done");
      }
    }).withDispatcher(Dispatchers.WORKER));
    for (int i = 0; i < 99; i++) {
      worker.tell(i);
    }
    worker.ask(99).compose(done -> system.terminate()).onComplete(test.succeeding(v -> test.verify(() -> {
      assertThat(seen).hasSize(100).isSorted();
      test.completeNow();
    })));
  }

  @Test
  void aWorkerActorMayBlockWhileEventLoopActorsStayResponsive(VertxTestContext test) throws Exception {
    Vertx vertx = vertxCheckingEvery20Ms(2000);
    // 300 ms per task: one drain of two 200 ms messages would be reported.
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("responsive")
        .setWorkerMaxExecuteTime(Duration.ofMillis(300)));
    LogCapture log = new LogCapture(BLOCKED_THREAD_LOGGER);
    ActorRef sleeper = system.actorOf(props((a, m) -> {
      Thread.sleep(200);
      a.reply(m);
    }).withDispatcher(Dispatchers.WORKER), "sleeper");
    ActorRef pinger = system.actorOf(props((a, m) -> a.reply(m)), "pinger");
    for (int i = 0; i < 4; i++) {
      sleeper.tell(i);
    }
    Future<Object> slept = sleeper.ask("last", Duration.ofSeconds(5));
    // While the worker sleeps through 1 s of messages, 20 pings in a row each answer within 50 ms.
    Future<Object> pings = Future.succeededFuture();
    for (int i = 0; i < 20; i++) {
      int n = i;
      pings = pings.compose(v -> pinger.ask(n, Duration.ofMillis(50)))
          .compose(v -> delay(vertx, 20));
    }
    Future.all(slept, pings).compose(v -> {
      log.close();
      return system.terminate();
    }).onComplete(test.succeeding(v -> test.verify(() -> {
      assertThat(slept.isComplete()).isTrue();
      assertThat(log.messages()).as("blocked-thread warnings").isEmpty();
      test.completeNow();
    })));
  }

  private static Future<Object> delay(Vertx vertx, long millis) {
    return Future.future(p -> vertx.setTimer(millis, id -> p.complete()));
  }

  @Test
  void theBlockedThreadWarningNamesTheActorThatBlocksAnEventLoop(VertxTestContext test) {
    Vertx vertx = vertxCheckingEvery20Ms(100);
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("blocky"));
    LogCapture log = new LogCapture(BLOCKED_THREAD_LOGGER);
    ActorRef sleepy = system.actorOf(props((a, m) -> Thread.sleep(400)), "sleepy");
    sleepy.tell("zzz");
    log.when(message -> message.contains("/user/sleepy")).onComplete(test.succeeding(message -> test.verify(() -> {
      log.close();
      assertThat(message).contains("has been blocked for").contains("actor /user/sleepy of system [blocky]");
      test.completeNow();
    })));
  }

  @Test
  void virtualThreadActorsNeedJava21(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx);
    Props props = props((a, m) -> a.reply(isVirtual(Thread.currentThread()))).withDispatcher(Dispatchers.VIRTUAL_THREAD);
    if (Runtime.version().feature() < 21) {
      assertThatThrownBy(() -> system.actorOf(props))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Java 21")
          .hasMessageContaining("'virtual-thread'");
      test.completeNow();
    } else {
      // On a virtual thread an actor may block, and await a Future, without holding an event loop.
      Props awaiting = props((a, m) -> {
        Future<Object> later = Future.future(p -> a.ctx().vertx().setTimer(20, id -> p.complete("later")));
        a.reply(List.of(isVirtual(Thread.currentThread()), later.await()));
      }).withDispatcher(Dispatchers.VIRTUAL_THREAD);
      system.actorOf(awaiting).ask("on a virtual thread?").onComplete(test.succeeding(answer -> test.verify(() -> {
        assertThat(answer).isEqualTo(List.of(true, "later"));
        test.completeNow();
      })));
    }
  }

  private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
    return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
  }

  @Test
  void aCallingThreadActorProcessesBeforeTellReturns(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx);
    List<Object> seen = new ArrayList<>();
    Thread caller = Thread.currentThread();
    ActorRef ref = system.actorOf(props((a, m) -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      seen.add(m);
      a.reply("got " + m);
    }).withDispatcher(Dispatchers.CALLING_THREAD));
    ref.tell("one");
    ref.tell("two");
    assertThat(seen).containsExactly("one", "two");
    Future<Object> reply = ref.ask("three");
    assertThat(reply.isComplete()).isTrue();
    assertThat(reply.result()).isEqualTo("got three");
    system.terminate().onComplete(test.succeedingThenComplete());
  }

  @Test
  void aCustomDispatcherChoosesTheContext(Vertx vertx, VertxTestContext test) {
    Context pinned = vertx.getOrCreateContext();
    List<String> asked = new CopyOnWriteArrayList<>();
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().addDispatcher("pinned", (sys, path) -> {
      asked.add(path);
      return pinned;
    }));
    Props reportsContext = props((a, m) -> a.reply(Vertx.currentContext())).withDispatcher("pinned");
    ActorRef first = system.actorOf(reportsContext, "first");
    ActorRef second = system.actorOf(reportsContext, "second");
    Future.all(first.ask("where?"), second.ask("where?")).onComplete(test.succeeding(both -> test.verify(() -> {
      assertThat((Object) both.resultAt(0)).isSameAs(pinned);
      assertThat((Object) both.resultAt(1)).isSameAs(pinned);
      assertThat(asked).containsExactly("/user/first", "/user/second");
      test.completeNow();
    })));
  }

  @Test
  void badDispatchersAreRefusedWhereTheyAreUsed(Vertx vertx) {
    Vertx other = vertxCheckingEvery20Ms(2000);
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions()
        .addDispatcher("none", (sys, path) -> null)
        .addDispatcher("foreign", (sys, path) -> other.getOrCreateContext()));
    Props props = props((a, m) -> { });
    assertThatThrownBy(() -> system.actorOf(props.withDispatcher("none"), "a"))
        .isInstanceOf(IllegalStateException.class).hasMessage("dispatcher 'none' returned no context for /user/a");
    assertThatThrownBy(() -> system.actorOf(props.withDispatcher("foreign"), "b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("context of another Vertx for /user/b");
    assertThatThrownBy(() -> system.actorOf(props.withDispatcher("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown dispatcher 'nope'")
        .hasMessageContaining("worker");
    assertThatThrownBy(() -> new ActorSystemOptions().addDispatcher(Dispatchers.WORKER, (sys, path) -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in");
    assertThatThrownBy(() -> new ActorSystemOptions().setWorkerPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workerPoolSize");
    // A refused name can be used again.
    system.actorOf(props, "a");
  }
}
