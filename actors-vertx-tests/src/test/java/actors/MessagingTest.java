package actors;

import actors.dispatch.Dispatchers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.Future;
import io.vertx.junit5.Checkpoint;
import actors.testkit.TestProbe;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagingTest extends SystemTestBase {

  private static final int SENDERS = 4;
  private static final int PER_SENDER = 100_000;

  record Numbered(int sender, int seq) {
  }

  @Test
  void messagesFromOneSenderArriveInTheOrderSent(VertxTestContext test) throws Exception {
    int[] expected = new int[SENDERS];
    AtomicInteger received = new AtomicInteger();
    ActorRef counter = system.actorOf(props((a, m) -> {
      Numbered n = (Numbered) m;
      if (n.seq() != expected[n.sender()]) {
        test.failNow("sender " + n.sender() + ": expected " + expected[n.sender()] + " but got " + n.seq());
      }
      expected[n.sender()]++;
      if (received.incrementAndGet() == SENDERS * PER_SENDER) {
        test.completeNow();
      }
    }), "counter");

    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      senders.add(new Thread(() -> {
        for (int i = 0; i < PER_SENDER; i++) {
          counter.tell(new Numbered(sender, i));
        }
      }));
    }
    senders.forEach(Thread::start);
    for (Thread sender : senders) {
      sender.join();
    }
  }

  @Test
  void anActorNeverRunsOnTwoThreadsAtOnce(VertxTestContext test) {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    int total = 8 * 20_000;
    int[] processed = {0};
    ActorRef actor = system.actorOf(props((a, m) -> {
      int now = inside.incrementAndGet();
      maxInside.accumulateAndGet(now, Math::max);
      threads.add(Thread.currentThread());
      processed[0]++; // a plain field: safe only if the actor is single-threaded
      inside.decrementAndGet();
      if (processed[0] == total) {
        test.verify(() -> {
          assertThat(maxInside.get()).isEqualTo(1);
          assertThat(threads).hasSize(1);
          test.completeNow();
        });
      }
    }));
    // Half the senders are plain threads, half are other actors on other event loops.
    for (int s = 0; s < 4; s++) {
      new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          actor.tell(i);
        }
      }).start();
      ActorRef relay = system.actorOf(props((a, m) -> {
        for (int i = 0; i < 20_000; i++) {
          actor.tell(i, a.me());
        }
      }));
      relay.tell("go");
    }
  }

  @Test
  void receiveRunsOnTheActorsOwnEventLoopContext(VertxTestContext test) {
    ActorRef actor = system.actorOf(props((a, m) -> a.reply(List.of(
        Vertx.currentContext() == a.ctx().vertxContext(),
        Context.isOnEventLoopThread(),
        a.ctx().vertxContext().isEventLoopContext()))));
    actor.<List<Boolean>>ask("where?").onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(reply).containsExactly(true, true, true);
      test.completeNow();
    })));
  }

  @Test
  void actorsAreSpreadRoundRobinOverTheEventLoops(VertxTestContext test) {
    List<Future<Object>> threads = new ArrayList<>();
    int actors = 16;
    for (int i = 0; i < actors; i++) {
      threads.add(system.actorOf(props((a, m) -> a.reply(Thread.currentThread().getName()))).ask("thread?"));
    }
    Future.all(threads).onComplete(test.succeeding(all -> test.verify(() -> {
      Map<Object, Integer> perThread = new HashMap<>();
      for (int i = 0; i < actors; i++) {
        perThread.merge(all.resultAt(i), 1, Integer::sum);
      }
      // One loop per core (of the default Vertx's 2 * cores): every one of them got its share.
      int loops = ActorSystemOptions.DEFAULT_EVENT_LOOPS;
      assertThat(perThread).hasSize(Math.min(loops, actors));
      assertThat(perThread.values()).allMatch(n -> n >= actors / loops);
      test.completeNow();
    })));
  }

  @Test
  void theCallerContextDispatcherBindsAnActorToItsCreatorsContext(VertxTestContext test) {
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        Context verticleContext = context;
        ActorRef actor = system.actorOf(props((a, m) -> a.reply(Vertx.currentContext() == verticleContext))
            .withDispatcher(Dispatchers.CALLER_CONTEXT));
        actor.ask("same context?").onComplete(test.succeeding(same -> test.verify(() -> {
          assertThat(same).isEqualTo(true);
          test.completeNow();
        })));
        return Future.succeededFuture();
      }
    });
  }

  @Test
  void theCallerContextDispatcherOffAContextIsRefused() {
    assertThatThrownBy(() -> system.actorOf(echo().withDispatcher(Dispatchers.CALLER_CONTEXT)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Dispatchers.CALLER_CONTEXT)
        .hasMessageContaining("not on one");
  }

  @Test
  void aBusyActorYieldsItsEventLoopAfterThroughputMessages(VertxTestContext test) {
    // Two actors on one context: the busy one may process only `throughput` messages
    // before the other gets its turn.
    int throughput = system.options().getThroughput();
    List<String> log = new ArrayList<>();
    vertx.runOnContext(v -> {
      ActorRef busy = system.actorOf(props((a, m) -> log.add("busy"))
          .withDispatcher(Dispatchers.CALLER_CONTEXT));
      ActorRef other = system.actorOf(props((a, m) -> {
        log.add("other");
        a.reply("done");
      }).withDispatcher(Dispatchers.CALLER_CONTEXT));
      for (int i = 0; i < throughput * 3; i++) {
        busy.tell(i);
      }
      other.ask("turn").onComplete(test.succeeding(done -> test.verify(() -> {
        assertThat(log.indexOf("other")).isEqualTo(throughput);
        test.completeNow();
      })));
    });
  }

  @Test
  void aTellWithoutSenderMakesTheReplyADeadLetter(VertxTestContext test) {
    Checkpoint replied = test.checkpoint();
    system.addDeadLetterListener(letter -> {
      if ("reply".equals(letter.message())) {
        test.verify(() -> {
          assertThat(letter.recipient()).isSameAs(system.deadLetters());
          assertThat(letter.sender().path()).isEqualTo("/user/replier");
          replied.flag();
        });
      }
    });
    ActorRef replier = system.actorOf(props((a, m) -> {
      assertThat(a.from()).isSameAs(system.deadLetters());
      a.reply("reply");
    }), "replier");
    replier.tell("hello");
  }

  @Test
  void aReplyGoesToTheSenderGivenToTell() {
    ActorRef greeter = system.actorOf(props((a, m) -> a.reply("Hello " + m)), "greeter");
    TestProbe probe = new TestProbe(system);
    greeter.tell("world", probe.ref());
    probe.expectMsg("Hello world");
    assertThat(probe.lastSender()).isEqualTo(greeter);
  }

  @Test
  void forwardKeepsTheOriginalSender(VertxTestContext test) {
    ActorRef target = system.actorOf(props((a, m) -> a.reply("answered by " + a.me().path())), "target");
    ActorRef middle = system.actorOf(props((a, m) -> target.forward(m, a.ctx())), "middle");
    middle.ask("question").onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(reply).isEqualTo("answered by /user/target");
      test.completeNow();
    })));
  }

  @Test
  void aNullMessageIsRefusedAtTheCall() {
    ActorRef actor = system.actorOf(echo());
    assertThatThrownBy(() -> actor.tell(null)).isInstanceOf(NullPointerException.class).hasMessage("message");
    assertThatThrownBy(() -> actor.tell(null, actor)).isInstanceOf(NullPointerException.class).hasMessage("message");
    assertThatThrownBy(() -> actor.ask(null)).isInstanceOf(NullPointerException.class).hasMessage("message");
  }

  @Test
  void becomeReplacesAndUnbecomeRestoresTheBehaviour() {
    ActorRef actor = system.actorOf(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        if (message.equals("angry")) {
          context().become(m -> {
            if (m.equals("calm")) {
              context().unbecome();
            } else {
              sender().tell("grr " + m, self());
            }
          }, false);
        } else {
          sender().tell("hello " + message, self());
        }
      }
    });
    TestProbe probe = new TestProbe(system);
    probe.send(actor, "a");
    probe.expectMsg("hello a");
    probe.send(actor, "angry");
    probe.send(actor, "b");
    probe.expectMsg("grr b");
    probe.send(actor, "calm");
    probe.send(actor, "c");
    probe.expectMsg("hello c");
  }

  @Test
  void aRestartReturnsToReceiveAndBecomeNullIsRefused() {
    TestProbe probe = new TestProbe(system);
    ActorRef actor = system.actorOf(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        if (message.equals("angry")) {
          context().become(m -> {
            if (m.equals("fail")) {
              throw new IllegalStateException("restart me");
            }
            sender().tell("grr " + m, self());
          });
        } else if (message.equals("null")) {
          try {
            context().become(null);
          } catch (NullPointerException e) {
            sender().tell(e.getMessage(), self());
          }
        } else {
          sender().tell("hello " + message, self());
        }
      }
    });
    probe.send(actor, "angry");
    probe.send(actor, "a");
    probe.expectMsg("grr a");
    probe.send(actor, "fail");
    probe.send(actor, "b");
    probe.expectMsg("hello b");
    probe.send(actor, "null");
    probe.expectMsg("behaviour");
  }

  @Test
  void distinctSendersInterleaveButEachKeepsItsOrder(VertxTestContext test) {
    // Two actors each send 1,000 numbers to one collector; per sender the order holds.
    Map<String, List<Integer>> bySender = new HashMap<>();
    Set<String> finished = new HashSet<>();
    ActorRef collector = system.actorOf(props((a, m) -> {
      bySender.computeIfAbsent(a.from().path(), k -> new ArrayList<>()).add((Integer) m);
      if ((Integer) m == 999 && finished.add(a.from().path()) && finished.size() == 2) {
        test.verify(() -> {
          for (List<Integer> seq : bySender.values()) {
            assertThat(seq).hasSize(1000).isSorted();
          }
          test.completeNow();
        });
      }
    }));
    for (String name : List.of("left", "right")) {
      system.actorOf(props((a, m) -> {
        for (int i = 0; i < 1000; i++) {
          collector.tell(i, a.me());
        }
      }), name).tell("go");
    }
  }
}
