package actors;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Each concern logs under a name of its own, so that applications can tune them apart. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoggerNamesTest extends SystemTestBase {

  private static String await(Future<String> line) throws Exception {
    return line.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void failuresDeadLettersAndPostStopsLogUnderTheirConcern() throws Exception {
    try (LogCapture supervision = new LogCapture("actors.supervision");
         LogCapture deadLetters = new LogCapture("actors.deadletters");
         LogCapture lifecycle = new LogCapture("actors.lifecycle");
         LogCapture unhandled = new LogCapture("actors.unhandled")) {
      ActorRef failing = system.actorOf(props((actor, message) -> {
        throw new IllegalStateException("failed on " + message);
      }), "failing");
      failing.tell("first");
      assertThat(await(supervision.when(line -> line.contains("/user/failing failed")))).contains("failed on first");

      ActorRef stopped = system.actorOf(props((actor, message) -> { }), "stopped");
      await(system.stop(stopped).map("stopped"));
      stopped.tell("late");
      assertThat(await(deadLetters.when(line -> line.contains("/user/stopped")))).contains("dead letter");

      ActorRef throwsOnStop = system.actorOf(Props.create(() -> new Actor() {
        @Override
        protected void receive(Object message) {
          unhandled(message);
        }

        @Override
        public void postStop() {
          throw new IllegalStateException("postStop broke");
        }
      }), "throws-on-stop");
      throwsOnStop.tell(42);
      assertThat(await(unhandled.when(line -> line.contains("/user/throws-on-stop")))).contains("java.lang.Integer");
      system.stop(throwsOnStop);
      assertThat(await(lifecycle.when(line -> line.contains("postStop of /user/throws-on-stop")))).contains("threw");
    }
  }
}
