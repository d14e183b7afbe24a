package examples.http;

import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.dispatch.Dispatchers;
import actors.testkit.ActorSystemExtension;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ActorSystemExtension.class)
class CounterTest {

  // tag::calling-thread[]
  @Test
  void countsOnTheTestThread(ActorSystem system) {
    ActorRef counter = system.actorOf(Props.create(Counter::new).withDispatcher(Dispatchers.CALLING_THREAD));
    counter.tell(Counter.Increment.INSTANCE); // processed before tell returns
    Future<Counter.Count> count = counter.ask(Counter.Read.INSTANCE);
    assertThat(count.isComplete()).isTrue(); // so is the ask: nothing to wait for
    assertThat(count.result()).isEqualTo(new Counter.Count(1));
  }
  // end::calling-thread[]
}
