package actors;

import io.vertx.core.Context;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The actor's path in SLF4J's MDC while receive runs, when asked for; nothing left behind after. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LogContextTest extends SystemTestBase {

  @Override
  ActorSystemOptions options() {
    return super.options().setActorPathInMdc(true);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String mdcPath() {
    return String.valueOf(MDC.get(ActorSystemOptions.MDC_ACTOR_PATH));
  }

  @Test
  void receiveSeesItsPathInTheMdcAndTheThreadHasNoneAfter() throws Exception {
    AtomicReference<Context> outerLoop = new AtomicReference<>();
    ActorRef outer = system.actorOf(props((actor, message) -> {
      outerLoop.set(actor.ctx().vertxContext());
      if (message.equals("spawn")) {
        actor.reply(actor.ctx().actorOf(props((inner, question) -> inner.reply(mdcPath())), "inner"));
      } else {
        actor.reply(mdcPath());
      }
    }), "outer");
    assertThat((String) await(outer.ask("where"))).isEqualTo("/user/outer");
    ActorRef inner = await(outer.ask("spawn"));
    assertThat((String) await(inner.ask("where"))).isEqualTo("/user/outer/inner");
    // A task on the outer actor's own event loop, after it ran: no path left on the thread.
    String after = await(Future.future(promise -> outerLoop.get().runOnContext(v -> promise.complete(mdcPath()))));
    assertThat(after).isEqualTo("null");
  }

  @Test
  void offByDefaultAndInTheJsonForm() {
    assertThat(new ActorSystemOptions().isActorPathInMdc()).isFalse();
    assertThat(new ActorSystemOptions(new ActorSystemOptions().toJson().put("actorPathInMdc", true)).isActorPathInMdc())
        .isTrue();
  }
}
