package actors;

import actors.cluster.ActorNotFoundException;
import actors.routing.Routers;
import actors.sharding.ClusterSharding;
import actors.sharding.ClusterSingleton;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After its system terminated, no reference throws for a message it cannot deliver: a tell
 * becomes a dead letter, an ask fails its Future with {@link AskTimeoutException} saying that
 * the message was not delivered (a reference to no actor: {@link ActorNotFoundException}). Only a bad argument (a null message) throws. Every kind of
 * reference, on a system that owned its Vertx (closed since) and on one hosted on the caller's.
 */
@ExtendWith(VertxExtension.class)
class DeliveryAfterTerminateTest {

  /** A typed face for the proxy reference. */
  public interface Greeter {
    Future<String> greet(String name);

    void note(String text);
  }

  @Test
  void everyKindOfReferenceFailsItsAsksAndDropsItsTellsOnceAnOwnedVertxIsClosed() throws Exception {
    ActorSystem system = ActorSystem.create();
    Map<String, ActorRef> refs = everyKindOfReference(system);
    Greeter proxy = ActorProxy.of(refs.get("local"), Greeter.class);
    await(system.terminate());
    assertDeliveryFailsWithoutThrowing(refs, proxy);
  }

  @Test
  void everyKindOfReferenceFailsItsAsksAndDropsItsTellsOnAHostedVertx(Vertx vertx) throws Exception {
    ActorSystem system = ActorSystem.create(vertx);
    Map<String, ActorRef> refs = everyKindOfReference(system);
    Greeter proxy = ActorProxy.of(refs.get("local"), Greeter.class);
    await(system.terminate());
    assertDeliveryFailsWithoutThrowing(refs, proxy);
  }

  private static Map<String, ActorRef> everyKindOfReference(ActorSystem system) throws Exception {
    Props echo = Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        sender().tell(message, self());
      }
    });
    Map<String, ActorRef> refs = new LinkedHashMap<>();
    refs.put("local", system.actorOf(echo, "echo"));
    refs.put("router", system.actorOf(Routers.pool(2, echo).roundRobin(), "pool"));
    await(ClusterSharding.get(system).start("echo", id -> echo));
    refs.put("entity", ClusterSharding.get(system).entityRef("echo", "e1"));
    refs.put("singleton", ClusterSingleton.start(system, "sole", echo));
    refs.put("dead letters", system.deadLetters());
    refs.put("missing", system.resolve(system.addressOf(refs.get("local")) + "-gone"));
    for (Map.Entry<String, ActorRef> ref : refs.entrySet()) {
      if (!ref.getKey().equals("dead letters") && !ref.getKey().equals("missing")) {
        assertThat(await(ref.getValue().<Object>ask("ping"))).as(ref.getKey() + " answers before").isEqualTo("ping");
      }
    }
    return refs;
  }

  private static void assertDeliveryFailsWithoutThrowing(Map<String, ActorRef> refs, Greeter proxy) {
    for (Map.Entry<String, ActorRef> entry : refs.entrySet()) {
      ActorRef ref = entry.getValue();
      ref.tell("after", null);
      ref.tell("after", ref);
      if (entry.getKey().equals("missing")) {
        assertThatThrownBy(() -> await(ref.ask("after"))).cause().isInstanceOf(ActorNotFoundException.class);
      } else {
        assertNotDelivered(entry.getKey(), ref.ask("after"));
      }
      assertThatThrownBy(() -> ref.tell(null)).as(entry.getKey()).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ref.ask(null)).as(entry.getKey()).isInstanceOf(NullPointerException.class);
    }
    proxy.note("after");
    assertNotDelivered("proxy", proxy.greet("after"));
  }

  private static void assertNotDelivered(String kind, Future<?> answer) {
    assertThatThrownBy(() -> await(answer)).as(kind).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(AskTimeoutException.class).hasMessageContaining("not delivered");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
