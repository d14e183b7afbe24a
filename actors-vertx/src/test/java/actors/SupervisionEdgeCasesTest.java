package actors;

import actors.event.ActorFailed;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Supervision scenarios that Pekko's own actor tests pin down, as a Pekko user meets them. */
class SupervisionEdgeCasesTest extends SystemTestBase {

  private static final Duration WINDOW = Duration.ofSeconds(5);
  private static final Duration PATIENCE = Duration.ofSeconds(3);

  static final class Boom extends RuntimeException {
    Boom() {
      super("boom");
    }
  }

  /** Answers "ping" with its path, throws {@link Boom} on "fail", creates children named in its props. */
  static class Node extends Actor {
    private final Map<String, ActorRef> refs;
    private final SupervisorStrategy strategy;
    private final boolean keepChildren;
    private final List<String> children;

    Node(Map<String, ActorRef> refs, SupervisorStrategy strategy, boolean keepChildren, List<String> children) {
      this.refs = refs;
      this.strategy = strategy;
      this.keepChildren = keepChildren;
      this.children = children;
    }

    @Override
    public void preStart() {
      for (String child : children) {
        if (context().child(child).isEmpty()) {
          refs.put(child, context().actorOf(() -> new Node(refs, SupervisorStrategy.defaultStrategy(), false, List.of()),
              child));
        }
      }
    }

    @Override
    public void preRestart(Throwable reason, Object message) throws Exception {
      if (keepChildren) {
        postStop();
      } else {
        super.preRestart(reason, message);
      }
    }

    @Override
    protected void receive(Object message) {
      if ("fail".equals(message)) {
        throw new Boom();
      }
      sender().tell(self().path(), self());
    }

    @Override
    public SupervisorStrategy supervisorStrategy() {
      return strategy;
    }
  }

  private static Function<Throwable, Directive> onBoom(Directive directive) {
    return cause -> cause instanceof Boom ? directive : Directive.ESCALATE;
  }

  /**
   * top (all-for-one, {@code topDirective} on Boom) over actor1 and middle; middle (all-for-one,
   * escalate, keeps its children on restart) over actor2 and actor3. actor2 fails; then every
   * one answers a ping, and their states and restart counts are returned.
   */
  private Future<List<ActorInfo>> actor2FailsUnder(Directive topDirective) {
    Map<String, ActorRef> refs = new ConcurrentHashMap<>();
    SupervisorStrategy escalate = SupervisorStrategy.allForOne(3, WINDOW, cause -> Directive.ESCALATE);
    SupervisorStrategy top = SupervisorStrategy.allForOne(3, WINDOW, onBoom(topDirective)).withLoggingEnabled(false);
    ActorRef topRef = system.actorOf(() -> new Node(refs, top, false, List.of("actor1")) {
      @Override
      public void preStart() {
        super.preStart();
        refs.put("middle", context().actorOf(() -> new Node(refs, escalate, true, List.of("actor2", "actor3")), "middle"));
      }
    }, "top");
    List<String> names = List.of("actor1", "middle", "actor2", "actor3");
    return topRef.ask("ready?")
        .compose(v -> refs.get("middle").ask("ready?"))
        .compose(v -> {
          refs.get("actor2").tell("fail");
          // Sent after the failure: each is answered once the supervisors are done with it.
          return Future.all(names.stream().map(name -> refs.get(name).ask("ping", PATIENCE)).toList());
        })
        .compose(answered -> Future.all(names.stream().map(name -> system.inspect(refs.get(name))).toList()))
        .map(infos -> infos.<ActorInfo>list());
  }

  @Test
  void aChildKeptByAnEscalatingParentRunsAgainWhenTheGrandparentRestartsAll(VertxTestContext test) {
    actor2FailsUnder(Directive.RESTART).onComplete(test.succeeding(infos -> test.verify(() -> {
      assertThat(infos).extracting(ActorInfo::state).containsOnly(ActorInfo.State.RUNNING);
      // top restarted actor1 and middle; middle restarted the children it kept.
      assertThat(infos).extracting(ActorInfo::restartCount).containsExactly(1, 1, 1, 1);
      test.completeNow();
    })));
  }

  @Test
  void aChildWhoseFailureItsParentEscalatedRunsAgainWhenTheGrandparentResumes(VertxTestContext test) {
    actor2FailsUnder(Directive.RESUME).onComplete(test.succeeding(infos -> test.verify(() -> {
      assertThat(infos).extracting(ActorInfo::state).containsOnly(ActorInfo.State.RUNNING);
      assertThat(infos).extracting(ActorInfo::restartCount).containsExactly(0, 0, 0, 0);
      test.completeNow();
    })));
  }

  @Test
  void insideTheDeciderSenderIsTheFailedChildAsInPekko(VertxTestContext test) {
    List<ActorRef> senders = new CopyOnWriteArrayList<>();
    Map<String, ActorRef> refs = new ConcurrentHashMap<>();
    ActorRef parent = system.actorOf(() -> new Node(refs, null, false, List.of("child")) {
      @Override
      public SupervisorStrategy supervisorStrategy() {
        return SupervisorStrategy.oneForOne(-1, WINDOW, cause -> {
          senders.add(sender());
          return Directive.RESUME;
        });
      }
    }, "parent");
    parent.ask("ready?")
        .compose(v -> {
          refs.get("child").tell("fail");
          return refs.get("child").ask("ping", PATIENCE);
        })
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(senders).containsExactly(refs.get("child"));
          test.completeNow();
        })));
  }

  @Test
  void theEventOfAFailureNamesTheChildTooForDecidersThatCannotUseSender(VertxTestContext test) {
    Map<String, ActorRef> refs = new ConcurrentHashMap<>();
    List<ActorFailed> failures = new CopyOnWriteArrayList<>();
    ActorRef listener = system.actorOf(props((a, m) -> {
      if (m instanceof ActorFailed failed) {
        failures.add(failed);
      } else {
        a.reply(m);
      }
    }));
    system.eventStream().subscribe(listener, ActorFailed.class);
    ActorRef parent = system.actorOf(() -> new Node(refs, SupervisorStrategy.oneForOne(-1, WINDOW,
        cause -> Directive.RESUME).withLoggingEnabled(false), false, List.of("child")), "parent");
    parent.ask("ready?")
        .compose(v -> {
          refs.get("child").tell("fail");
          return refs.get("child").ask("ping", PATIENCE);
        })
        .compose(v -> listener.ask("after the event?"))
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(failures).singleElement().satisfies(failed -> {
            assertThat(failed.actor()).isEqualTo(refs.get("child"));
            assertThat(failed.directive()).isEqualTo(Directive.RESUME);
            assertThat(failed.cause()).isInstanceOf(Boom.class);
          });
          test.completeNow();
        })));
  }
}
