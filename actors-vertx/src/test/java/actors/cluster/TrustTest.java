package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.Actor;
import actors.ActorInfo;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.DeadLetter;
import actors.Props;
import actors.ReplyFailures;
import actors.cluster.refused.Secret;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.jackson.DatabindCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks of a review of the wire, replayed against two nodes on loopback: frames forged on
 * node b's event bus and sent to node a's consumer, as any event-bus sender could. Each is
 * refused (a dead letter that says why) or answered, and nothing valid around it is lost.
 */
class TrustTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int MAX_FRAME = 64 * 1024;
  private static final String REFUSED = "refused by the cluster transport";
  private static final LoopbackCluster CLUSTER = new LoopbackCluster();
  private static ActorSystem a;
  private static ActorSystem b;

  /** An allowed message that carries a value of any class, named in the JSON. */
  record Carrier(@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object payload) {
  }

  /** An allowed message with a field of type Object, which only default typing would type. */
  record Holder(Object value) {
  }

  @BeforeAll
  static void startNodes() throws Exception {
    a = CLUSTER.start(options());
    b = CLUSTER.start(options());
  }

  private static ActorSystemOptions options() {
    // Insecure on purpose: what the transport refuses from members, beneath the cluster secret (ClusterSecretTest).
    return LoopbackCluster.insecure(new ActorSystemOptions().setName("cluster-test").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport")
        .setMaxFrameSize(MAX_FRAME));
  }

  @AfterAll
  static void stopNodes() throws Exception {
    LoopbackCluster.stop(a, b);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Every message it gets, in a queue the test reads. */
  private static ActorRef sink(String name, BlockingQueue<Object> received) {
    return a.actorOf(Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        received.add(message);
      }
    }), name);
  }

  /** Dead letters of node a from now on. */
  private static BlockingQueue<DeadLetter> deadLettersOfA() {
    BlockingQueue<DeadLetter> letters = new LinkedBlockingQueue<>();
    a.addDeadLetterListener(letters::add);
    return letters;
  }

  /** The next dead letter whose reason contains {@code reason}. */
  static DeadLetter next(BlockingQueue<DeadLetter> letters, String reason) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      DeadLetter letter = letters.poll(50, TimeUnit.MILLISECONDS);
      if (letter != null && letter.reason().contains(reason)) {
        return letter;
      }
    }
    throw new AssertionError("no dead letter with reason '" + reason + "' within " + WAIT);
  }

  /** Sends {@code frames} from node b's event bus to node a's consumer, as one batch. */
  private static void sendToA(Buffer... frames) {
    Buffer batch = Buffer.buffer();
    for (Buffer frame : frames) {
      batch.appendInt(frame.length()).appendBuffer(frame);
    }
    b.vertx().eventBus().send("actors." + a.name() + "." + a.nodeId(), batch);
  }

  @Test
  void aPoisonPillOrKillFromANodeThatIsNotAMemberIsRefused() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    ActorRef victim = sink("victim", new LinkedBlockingQueue<>());
    sendToA(Frames.message("forged-node", "/user/victim", Frames.POISON_PILL));
    assertThat(next(letters, REFUSED).message().toString()).contains("'forged-node', which is not a member");
    sendToA(Frames.message("forged-node", "/user/victim", Frames.KILL));
    next(letters, REFUSED);
    sendToA(Frames.control(Frames.UNWATCH, "forged-node", "/user/victim"));
    next(letters, REFUSED);
    assertThat(await(a.inspect(victim)).state()).isEqualTo(ActorInfo.State.RUNNING);
  }

  @Test
  void aFrameInABatchMustNameTheBatchsSender() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    sink("mixed", received);
    // The batch is b's (its first frame says so); its second frame claims a, a member too.
    sendToA(Frames.string(b.nodeId(), "/user/mixed", "from b"), Frames.string(a.nodeId(), "/user/mixed", "claims a"));
    assertThat(next(letters, REFUSED).message().toString()).contains("in a batch from");
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("from b");
    assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aTerminatedFromANodeThatIsNotAMemberDoesNotReachTheWatcher() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    ActorRef watched = b.actorOf(ClusterActors.silent(), "watched-for-trust");
    ActorRef remote = a.resolve(b.addressOf(watched));
    BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
    a.actorOf(Props.create(() -> new Actor() {
      @Override
      public void preStart() {
        context().watch(remote);
      }

      @Override
      protected void receive(Object message) {
        seen.add(message);
      }
    }), "trust-watcher");
    sendToA(Frames.control(Frames.TERMINATED, "forged-node", watched.path()));
    next(letters, REFUSED);
    assertThat(seen.poll(200, TimeUnit.MILLISECONDS)).as("a Terminated the watcher got").isNull();
    b.stop(watched);
    assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the real Terminated").isNotNull();
  }

  @Test
  void aWatchFloodFromNodesThatAreNotMembersIsRefusedFrameByFrame() throws Exception {
    int flood = 2_000;
    CountDownLatch refused = new CountDownLatch(flood);
    a.addDeadLetterListener(letter -> {
      if (letter.reason().equals(REFUSED) && letter.message().toString().contains("made-up-")) {
        refused.countDown();
      }
    });
    sink("flooded", new LinkedBlockingQueue<>());
    Buffer[] frames = new Buffer[flood];
    for (int i = 0; i < flood; i++) {
      frames[i] = Frames.control(Frames.WATCH, "made-up-" + UUID.randomUUID(), "/user/flooded");
    }
    sendToA(frames);
    // Refused before they reach the death watch: no state kept for a made-up node, none sent to one.
    assertThat(refused.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("all %d refused", flood).isTrue();
  }

  @Test
  void theReplyAddressOfAnAskIsUnguessable() throws Exception {
    List<String> paths = new ArrayList<>();
    ActorRef echoOnB = a.resolve(b.addressOf(b.actorOf(ClusterActors.echo(), "path-echo")));
    ActorRef senderReporter = b.actorOf(Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        sender().tell(sender().path(), self());
      }
    }), "sender-reporter");
    ActorRef reporter = a.resolve(b.addressOf(senderReporter));
    paths.add(await(reporter.ask("who")));
    paths.add(await(reporter.ask("who")));
    assertThat(paths).allMatch(path -> path.matches("/temp/ask-[0-9a-f]{32}")).doesNotHaveDuplicates();
    // A reply to a guessed id finds nothing: a dead letter, not someone else's ask completed.
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    sendToA(Frames.string(b.nodeId(), "/temp/ask-1", "forged reply"));
    assertThat(next(letters, "no actor at /temp/ask-1").message()).isEqualTo("forged reply");
    assertThat(await(echoOnB.<String>ask("still works"))).isEqualTo("still works");
  }

  @Test
  void aNestedTypeIdOutsideTheAllowListIsRefused() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    ActorRef nested = sink("nested", received);
    for (String type : List.of(File.class.getName(), Secret.class.getName())) {
      String json = "{\"payload\":{\"@class\":\"" + type + "\",\"text\":\"x\"}}";
      sendToA(Frames.jackson(b.nodeId(), "/user/nested", Carrier.class.getName(), json));
      DeadLetter refused = next(letters, "could not be decoded");
      assertThat(refused.message().toString()).contains("cannot decode a message of type " + Carrier.class.getName());
    }
    // An allowed nested class still arrives.
    b.resolve(a.addressOf(nested)).tell(new Carrier(new ClusterActors.Greeting("hi")));
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Carrier(new ClusterActors.Greeting("hi")));
  }

  @Test
  void defaultTypingEnabledOnVertxsSharedMapperDoesNotReachTheWire() throws Exception {
    ObjectMapper shared = DatabindCodec.mapper();
    shared.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
    try {
      BlockingQueue<Object> received = new LinkedBlockingQueue<>();
      sink("typed", received);
      sendToA(Frames.jackson(b.nodeId(), "/user/typed", Holder.class.getName(),
          "{\"value\":[\"java.io.File\",\"/etc/passwd\"]}"));
      Object holder = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(holder).isInstanceOf(Holder.class);
      assertThat(((Holder) holder).value()).isInstanceOf(List.class).isEqualTo(List.of("java.io.File", "/etc/passwd"));
    } finally {
      shared.deactivateDefaultTyping();
    }
  }

  @Test
  void aHugeClassNameIsRefusedUnreadAndNotEchoed() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    sink("huge", new LinkedBlockingQueue<>());
    sendToA(Frames.jackson(b.nodeId(), "/user/huge", "x".repeat(60_000), "{}"));
    DeadLetter refused = next(letters, "could not be decoded");
    assertThat(refused.message().toString()).contains("not a class name").hasSizeLessThan(300);
  }

  @Test
  void aBadFrameInABatchCostsThatFrameOnly() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    sink("batched", received);
    Buffer good = Frames.string(b.nodeId(), "/user/batched", "one");
    Buffer truncated = Frames.string(b.nodeId(), "/user/batched", "two");
    truncated = truncated.getBuffer(0, truncated.length() - 2);
    Buffer badJson = Frames.jackson(b.nodeId(), "/user/batched", Holder.class.getName(), "{\"value\":");
    sendToA(good, truncated, badJson, Frames.string(b.nodeId(), "/user/batched", "three"));
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("one");
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("three");
    next(letters, "could not be decoded");
    next(letters, "could not be decoded");
  }

  @Test
  void forgedTraceHeadersAreRefusedAndATracedMessageReachesANodeWithoutATracer() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    sink("traced", received);
    sendToA(Frames.traced(b.nodeId(), "/user/traced", 100, "x", "too many"));
    assertThat(next(letters, REFUSED).message().toString()).contains("trace headers do not decode (100 trace headers)");
    sendToA(Frames.traced(b.nodeId(), "/user/traced", 1, "y".repeat(10_000), "too long"));
    assertThat(next(letters, REFUSED).message().toString()).contains("a trace header of 10000 characters");
    sendToA(Frames.traced(b.nodeId(), "/user/traced", 1, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "fine"));
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fine");
  }

  @Test
  void aForgedLengthInsideAFrameIsRefusedBeforeAnythingIsAllocated() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    sink("lengths", received);
    // A 10-byte frame whose node id claims to be 2 GiB long: found by the fuzz test, where each
    // such frame once cost the node a 2 GiB array.
    Buffer forged = Buffer.buffer().appendByte(Frames.MESSAGE).appendInt(Integer.MAX_VALUE).appendInt(0).appendByte((byte) 0);
    for (int i = 0; i < 20; i++) {
      sendToA(forged);
    }
    sendToA(Frames.string(b.nodeId(), "/user/lengths", "after"));
    assertThat(next(letters, REFUSED).message().toString()).contains("header does not decode");
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("after");
  }

  @Test
  void aBatchWithABadLengthDeliversTheFramesBeforeItAndSaysSo() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    sink("cut", received);
    Buffer frame = Frames.string(b.nodeId(), "/user/cut", "first");
    Buffer batch = Buffer.buffer().appendInt(frame.length()).appendBuffer(frame).appendInt(1_000_000).appendByte((byte) 1);
    b.vertx().eventBus().send("actors." + a.name() + "." + a.nodeId(), batch);
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(next(letters, REFUSED).message().toString()).contains("frame lengths do not add up");
  }

  @Test
  void anExposedAddressAnswersARequestItCannotDecodeAndDeadLettersASend() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    ActorRef exposed = sink("exposed", new LinkedBlockingQueue<>());
    await(a.expose(exposed, "trust.exposed"));
    assertThatThrownBy(() -> await(b.vertx().eventBus().request("trust.exposed", new Secret("password"))))
        .hasCauseInstanceOf(ReplyException.class)
        .cause().satisfies(cause -> {
          assertThat(((ReplyException) cause).failureCode()).isEqualTo(ReplyFailures.BAD_MESSAGE);
          assertThat(cause.getMessage()).contains("could not be decoded").doesNotContain("password");
        });
    b.vertx().eventBus().send("trust.exposed", new Secret("password"));
    assertThat(next(letters, "undecodable body").message().toString()).contains("refusing to decode");
  }

  @Test
  void aMessageLargerThanTheLargestFrameFailsItsTellAndSuchAFrameIsRefusedOnArrival() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOfA();
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    ActorRef large = sink("large", received);
    ActorRef seenFromB = b.resolve(a.addressOf(large));
    String tooLarge = "x".repeat(MAX_FRAME);
    assertThatThrownBy(() -> seenFromB.tell(tooLarge))
        .isInstanceOf(MessageEncodingException.class).hasMessageContaining("more than the largest frame, 65536 bytes");
    assertThatThrownBy(() -> await(seenFromB.ask(tooLarge))).hasCauseInstanceOf(MessageEncodingException.class);
    sendToA(Frames.string(b.nodeId(), "/user/large", tooLarge), Frames.string(b.nodeId(), "/user/large", "fits"));
    assertThat(next(letters, REFUSED).message().toString()).contains("more than the largest frame");
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fits");
  }

  @Test
  void anExposedAddressDecodesWithItsOwnSystemsAllowListNotAnotherSystemsOnTheSameVertx() throws Exception {
    // A second system on node a's Vertx, which allows no package: cluster-test's do not count for it.
    ActorSystem strict = ActorSystem.create(a.vertx(), LoopbackCluster.secured(new ActorSystemOptions().setName("strict")));
    try {
      BlockingQueue<Object> received = new LinkedBlockingQueue<>();
      ActorRef sink = strict.actorOf(Props.create(() -> new Actor() {
        @Override
        protected void receive(Object message) {
          received.add(message);
        }
      }));
      await(strict.expose(sink, "trust.strict"));
      assertThatThrownBy(() -> await(b.vertx().eventBus().request("trust.strict", new ClusterActors.Greeting("hi"))))
          .hasCauseInstanceOf(ReplyException.class).hasMessageContaining("neither is its package allowed here");
      assertThat(received).isEmpty();
    } finally {
      await(strict.terminate());
    }
  }

  @Test
  void aLibraryOrJdkPackageCannotBeAllowed() {
    ActorSystemOptions options = new ActorSystemOptions();
    for (String refused : List.of("java.io", "javax.naming", "sun.misc", "jdk.internal", "com.sun.rowset",
        "actors.impl", "actors.internal", "actors.cluster.impl")) {
      assertThatThrownBy(() -> options.addMessagePackage(refused)).as(refused)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> options.addMessagePackage("not a package")).hasMessageContaining("is not a package name");
    assertThat(options.addMessagePackage("com.example.orders").getMessagePackages()).contains("com.example.orders");
  }

  /** Frames as another node writes them (the wire format's layout, spelled out). */
  static final class Frames {

    static final byte MESSAGE = 1;
    static final byte WATCH = 2;
    static final byte UNWATCH = 3;
    static final byte TERMINATED = 4;
    static final byte TRACED_MESSAGE = 5;
    static final byte NO_SENDER = 0;
    static final byte STRING = 1;
    static final byte POISON_PILL = 16;
    static final byte KILL = 17;
    static final byte JACKSON = 18;

    private Frames() {
    }

    static Buffer control(byte kind, String from, String path) {
      Buffer frame = Buffer.buffer().appendByte(kind);
      string(frame, from);
      string(frame, path);
      return frame;
    }

    static Buffer message(String from, String path, byte bodyTag) {
      return control(MESSAGE, from, path).appendByte(NO_SENDER).appendByte(bodyTag);
    }

    static Buffer string(String from, String path, String body) {
      Buffer frame = message(from, path, STRING);
      string(frame, body);
      return frame;
    }

    /** A traced message frame whose {@code count} headers are all traceparent = {@code value}, with a string body. */
    static Buffer traced(String from, String path, int count, String value, String body) {
      Buffer frame = control(TRACED_MESSAGE, from, path).appendByte((byte) count);
      for (int i = 0; i < Math.min(count, 1); i++) {
        string(frame, "traceparent");
        string(frame, value);
      }
      frame.appendByte(NO_SENDER).appendByte(STRING);
      string(frame, body);
      return frame;
    }

    static Buffer jackson(String from, String path, String className, String json) {
      Buffer frame = message(from, path, JACKSON);
      string(frame, className);
      string(frame, json);
      return frame;
    }

    private static void string(Buffer frame, String value) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      frame.appendInt(bytes.length).appendBytes(bytes);
    }
  }
}
