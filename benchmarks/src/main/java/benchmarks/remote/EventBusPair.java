package benchmarks.remote;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The plain clustered Vert.x event bus, as a Vert.x user would write it: a consumer per
 * "actor" address, {@code send} for tell with the acknowledgements to the sender's own address,
 * {@code request} for ask. The same two-node Hazelcast set-up as ours.
 */
final class EventBusPair implements RemotePair {

  private final Vertx first;
  private final Vertx second;
  private final Context senderContext;
  private volatile CountDownLatch done;
  private long sent;
  private long toSend;

  EventBusPair() throws Exception {
    String cluster = "bench-" + UUID.randomUUID();
    first = LoopbackHazelcast.clusteredVertx(cluster);
    second = LoopbackHazelcast.clusteredVertx(cluster);
    long[] received = new long[1];
    await(second.eventBus().<Long>consumer("bench.receiver", message -> {
      if (++received[0] % BURST == 0) {
        second.eventBus().send("bench.sender", received[0]);
      }
    }));
    await(second.eventBus().consumer("bench.echo", message -> message.reply(message.body())));
    senderContext = first.getOrCreateContext();
    CountDownLatch registered = new CountDownLatch(1);
    senderContext.runOnContext(v -> first.eventBus().<Long>consumer("bench.sender", ack -> {
      if (sent < toSend) {
        burst();
      } else if (ack.body() == toSend) {
        done.countDown();
      }
    }).completion().onComplete(ready -> registered.countDown()));
    registered.await(60, TimeUnit.SECONDS);
  }

  private static void await(MessageConsumer<?> consumer) throws Exception {
    consumer.completion().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private void burst() {
    for (int i = 0; i < BURST; i++) {
      first.eventBus().send("bench.receiver", sent++);
    }
  }

  @Override
  public void tell(int messages) throws Exception {
    done = new CountDownLatch(1);
    senderContext.runOnContext(v -> {
      toSend = sent + messages;
      for (int i = 0; i < WINDOW && sent < toSend; i++) {
        burst();
      }
    });
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the acknowledgements stopped coming");
    }
  }

  @Override
  public Object ask(Object message) throws Exception {
    return first.eventBus().request("bench.echo", message).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS).body();
  }

  @Override
  public void close() throws Exception {
    first.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    second.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
