package actors;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A system hosted on the test's Vertx, terminated after each test. */
@ExtendWith(VertxExtension.class)
abstract class SystemTestBase {

  Vertx vertx;
  ActorSystem system;

  ActorSystemOptions options() {
    return new ActorSystemOptions().setName(getClass().getSimpleName());
  }

  @BeforeEach
  void startSystem(Vertx vertx) {
    this.vertx = vertx;
    this.system = ActorSystem.create(vertx, options());
  }

  @AfterEach
  void terminateSystem(VertxTestContext test) {
    system.terminate().onComplete(test.succeedingThenComplete());
  }

  static Props props(FnActor.Behaviour behaviour) {
    return Props.create(FnActor.class, () -> new FnActor(behaviour));
  }

  /** An actor that ignores its messages and runs {@code onStop} in its postStop. */
  static Props onStop(Runnable onStop) {
    return Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
      }

      @Override
      public void postStop() {
        onStop.run();
      }
    });
  }

  static Props echo() {
    return props((a, m) -> a.reply(m));
  }
}
