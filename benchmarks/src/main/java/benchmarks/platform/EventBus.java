package benchmarks.platform;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The plain Vert.x event bus, as a Vert.x user would write actors without a framework: one
 * local consumer per actor, registered from a verticle of its own so consumers spread over the
 * event loops; {@code send} for tell, {@code request} for ask.
 */
final class EventBus implements Platform {

  private final Vertx vertx = Vertx.vertx();
  private final io.vertx.core.eventbus.EventBus bus = vertx.eventBus();
  private final List<Future<String>> deployments = new ArrayList<>();
  private int next;

  private record Address(io.vertx.core.eventbus.EventBus bus, String address) implements Ref {
    @Override
    public void tell(Object message) {
      bus.send(address, message);
    }
  }

  /** A verticle whose consumer runs a behaviour; it is its own replier. */
  private static final class ConsumerVerticle extends VerticleBase implements Replier {
    private final String address;
    private final Behavior behavior;
    private Message<Object> current;

    ConsumerVerticle(String address, Behavior behavior) {
      this.address = address;
      this.behavior = behavior;
    }

    @Override
    public Future<?> start() {
      return vertx.eventBus().<Object>localConsumer(address, message -> {
        current = message;
        try {
          behavior.receive(message.body(), this);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).completion();
    }

    @Override
    public void reply(Object answer) {
      current.reply(answer);
    }
  }

  @Override
  public Ref spawn(Behavior behavior) {
    String address = "actor-" + next++;
    deployments.add(vertx.deployVerticle(new ConsumerVerticle(address, behavior)));
    return new Address(bus, address);
  }

  @Override
  public void awaitReady() {
    try {
      Future.all(deployments).toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("consumers were not registered", e);
    }
    deployments.clear();
  }

  @Override
  public CompletionStage<Object> ask(Ref ref, Object message, Duration timeout) {
    return bus.request(((Address) ref).address(), message, new DeliveryOptions().setSendTimeout(timeout.toMillis()))
        .map(Message::body).toCompletionStage();
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Vert.x did not close", e);
    }
  }
}
