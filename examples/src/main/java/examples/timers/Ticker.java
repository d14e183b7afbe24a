package examples.timers;

import actors.Actor;
import actors.ActorSystem;
import actors.ReceiveTimeout;
import io.vertx.core.Promise;

import java.time.Duration;

/** An actor that ticks three times on a timer, then stops once it has been idle for 300 ms. */
public final class Ticker extends Actor {

  private enum Tick { INSTANCE }

  private final Promise<Void> stopped;
  private int ticks;

  Ticker(Promise<Void> stopped) {
    this.stopped = stopped;
  }

  // tag::timers[]
  @Override
  public void preStart() {
    context().timers().startTimerAtFixedRate("tick", Tick.INSTANCE, Duration.ofMillis(100));
    context().setReceiveTimeout(Duration.ofMillis(300));
  }

  @Override
  protected void receive(Object message) {
    if (message == Tick.INSTANCE) {
      System.out.println("tick " + ++ticks);
      if (ticks == 3) {
        context().timers().cancel("tick"); // no tick after this one, even if one is queued
      }
    } else if (message == ReceiveTimeout.INSTANCE) {
      System.out.println("idle for " + context().receiveTimeout().toMillis() + " ms: stopping");
      context().stop(self());
    } else {
      unhandled(message);
    }
  }
  // end::timers[]

  @Override
  public void postStop() {
    stopped.complete();
  }

  public static void main(String[] args) {
    try (ActorSystem system = ActorSystem.create()) {
      Promise<Void> stopped = Promise.promise();
      system.actorOf(() -> new Ticker(stopped), "ticker");
      stopped.future().await();
    }
  }
}
