package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.AskTimeoutException;
import actors.Props;
import actors.cluster.TrustTest.Frames;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated frames, seeded and bounded, fed to a node's decoder: nothing hangs,
 * nothing escapes as an unhandled exception, a valid message sent afterwards still arrives, and
 * an ask whose frame was mangled on the way is answered (with the reply or a failure), never
 * left to time out.
 */
class WireFuzzTest {

  private static final long SEED = 20261128L;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final LoopbackCluster CLUSTER = new LoopbackCluster();
  private static final Queue<Throwable> UNHANDLED = new ConcurrentLinkedQueue<>();
  private static ActorSystem a;
  private static ActorSystem b;

  @BeforeAll
  static void startNodes() throws Exception {
    // Insecure on purpose: frames reach the decoder unsealed (BatchSealTest changes every byte of a sealed batch).
    a = CLUSTER.start(LoopbackCluster.insecure(new ActorSystemOptions().setName("cluster-test").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport")));
    b = CLUSTER.start(LoopbackCluster.insecure(new ActorSystemOptions().setName("cluster-test").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport")));
    a.vertx().exceptionHandler(UNHANDLED::add);
  }

  @AfterAll
  static void stopNodes() throws Exception {
    LoopbackCluster.stop(a, b);
  }

  private static String consumerOfA() {
    return "actors." + a.name() + "." + a.nodeId();
  }

  /** A valid frame to {@code path} on node a, of one of the kinds a node sends. */
  private static Buffer validFrame(Random random, String path) {
    return switch (random.nextInt(5)) {
      case 0 -> Frames.string(b.nodeId(), path, "text-" + random.nextInt());
      case 1 -> Frames.jackson(b.nodeId(), path, ClusterActors.Greeting.class.getName(), "{\"text\":\"hi\"}");
      case 2 -> Frames.control(Frames.WATCH, b.nodeId(), path);
      // Any body tag but PoisonPill's and Kill's, which a member may send and which would stop the sink.
      case 3 -> Frames.message(b.nodeId(), path, (byte) random.nextInt(Frames.POISON_PILL));
      default -> Frames.jackson(b.nodeId(), path, TrustTest.Holder.class.getName(), "{\"value\":[1,\"x\",{\"y\":null}]}");
    };
  }

  /** {@code frame} with a few bytes changed, cut short, or grown. */
  private static Buffer mutate(Random random, Buffer frame) {
    Buffer mutated = frame.copy();
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
          mutated.setByte(random.nextInt(mutated.length()), (byte) random.nextInt());
        }
      }
      case 1 -> mutated = mutated.getBuffer(0, random.nextInt(mutated.length()));
      case 2 -> mutated.appendBytes(randomBytes(random, 1 + random.nextInt(64)));
      default -> mutated.setInt(random.nextInt(Math.max(1, mutated.length() - 4)), random.nextInt());
    }
    return mutated;
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  @Test
  void randomAndMutatedFramesLeaveTheNodeServing() throws Exception {
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    ActorRef sink = a.actorOf(Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        received.add(message);
      }
    }), "fuzzed");
    Random random = new Random(SEED);
    int frames = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (frames < 20_000 && System.nanoTime() < deadline) {
      Buffer batch = Buffer.buffer();
      for (int i = 0, n = 1 + random.nextInt(8); i < n; i++, frames++) {
        Buffer frame = switch (random.nextInt(3)) {
          case 0 -> Buffer.buffer(randomBytes(random, random.nextInt(200)));
          case 1 -> mutate(random, validFrame(random, sink.path()));
          default -> validFrame(random, sink.path());
        };
        batch.appendInt(frame.length()).appendBuffer(frame);
      }
      if (random.nextInt(20) == 0) {
        batch = mutate(random, batch); // the batch's own framing, too
      }
      b.vertx().eventBus().send(consumerOfA(), batch);
    }
    b.vertx().eventBus().send(consumerOfA(), Buffer.buffer().appendBuffer(lengthPrefixed(
        Frames.string(b.nodeId(), sink.path(), "sentinel"))));
    Object message;
    long until = System.nanoTime() + WAIT.toNanos();
    do {
      message = received.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
    } while (message != null && !"sentinel".equals(message));
    assertThat(message).as("the valid message sent after %d fuzzed frames", frames).isEqualTo("sentinel");
    assertThat(UNHANDLED).as("exceptions that escaped the transport").isEmpty();
  }

  @Test
  void anAskWhoseFrameIsMangledOnTheWayIsAnswered() throws Exception {
    ActorRef echo = a.actorOf(ClusterActors.echo(), "fuzz-echo");
    ActorRef remoteEcho = b.resolve(a.addressOf(echo));
    Random random = new Random(SEED + 1);
    // Mangles the body of frames b sends to a, never the header or the sender: a can always reply.
    Handler<DeliveryContext<Object>> mangler = delivery -> {
      if (delivery.message().address().equals(consumerOfA()) && delivery.body() instanceof Buffer batch
          && random.nextInt(3) > 0) {
        mangleBodies(random, batch);
      }
      delivery.next();
    };
    b.vertx().eventBus().addOutboundInterceptor(mangler);
    int asks = 2_000;
    List<Future<Object>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < asks; i++) {
        Object question = i % 2 == 0 ? "question-" + i : new ClusterActors.Greeting("greeting-" + i);
        answers.add(remoteEcho.ask(question, WAIT));
      }
      Future.join(new ArrayList<>(answers)).toCompletionStage().toCompletableFuture()
          .handle((done, failure) -> null).get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    } finally {
      b.vertx().eventBus().removeOutboundInterceptor(mangler);
    }
    List<Throwable> timedOut = answers.stream().filter(Future::failed).map(Future::cause)
        .filter(cause -> cause instanceof AskTimeoutException).toList();
    assertThat(answers).allMatch(Future::isComplete);
    assertThat(timedOut).as("asks left without an answer").isEmpty();
    assertThat(answers.stream().filter(Future::failed).count()).as("asks answered with a failure").isPositive();
    assertThat(UNHANDLED).as("exceptions that escaped the transport").isEmpty();
  }

  private static Buffer lengthPrefixed(Buffer frame) {
    return Buffer.buffer().appendInt(frame.length()).appendBuffer(frame);
  }

  /**
   * Changes a byte or two of each message frame's body past its type tag, leaving every length
   * that frames it: the message stays what it was (a tag changed to PoisonPill would be one
   * that asks no answer), its contents are damaged.
   */
  private static void mangleBodies(Random random, Buffer batch) {
    int position = 0;
    while (position + 4 <= batch.length()) {
      int length = batch.getInt(position);
      int frame = position + 4;
      int body = bodyStart(batch, frame) + 1;
      int end = frame + length;
      if (body > 1 && body < end) {
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
          batch.setByte(body + random.nextInt(end - body), (byte) random.nextInt());
        }
      }
      position = end;
    }
  }

  /** Where the body of the message frame at {@code frame} starts, or -1 if it is no message. */
  private static int bodyStart(Buffer batch, int frame) {
    if (batch.getByte(frame) != Frames.MESSAGE) {
      return -1;
    }
    int position = frame + 1;
    position += 4 + batch.getInt(position); // from
    position += 4 + batch.getInt(position); // path
    byte senderKind = batch.getByte(position++);
    if (senderKind != Frames.NO_SENDER) {
      position += 4 + batch.getInt(position);
    }
    return position;
  }
}
