package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.Actor;
import actors.ActorInfo;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.AskTimeoutException;
import actors.DeadLetter;
import actors.LogCapture;
import actors.PoisonPill;
import actors.Props;
import actors.Terminated;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.spi.cluster.NodeInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster secret: nodes a and b hold it; m is a member of the same Hazelcast cluster and
 * system without it (insecure, as an attacker would start it), w holds another one. Neither m,
 * nor w, nor a raw TCP client on a's event-bus port stops, watches or reaches an actor of a; a
 * batch captured and replayed, or changed, is refused; what m writes to the cluster manager's
 * maps (registry, hosts, leases) is ignored. The same raw probe does stop an actor of a system
 * without a secret (open-test, on m's and w's Vertx): the probe works, the secret stops it.
 */
class ClusterSecretTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String REFUSED = "refused by the cluster transport";
  private static final String SYSTEM = "secret-test";
  private static final String OTHER_SECRET = "another-cluster-secret-entirely";
  private static final LoopbackCluster CLUSTER = new LoopbackCluster();
  private static ActorSystem a;
  private static ActorSystem b;
  private static ActorSystem m;
  private static ActorSystem w;
  private static ActorSystem openM;
  private static ActorSystem openW;

  @BeforeAll
  static void startNodes() throws Exception {
    a = CLUSTER.start(options());
    b = CLUSTER.start(options());
    m = CLUSTER.start(LoopbackCluster.insecure(options()));
    w = CLUSTER.start(options().setClusterSecurity(new ClusterSecurityOptions().setSecret(OTHER_SECRET)));
    openM = ActorSystem.create(m.vertx(), LoopbackCluster.insecure(options().setName("open-test")));
    openW = ActorSystem.create(w.vertx(), LoopbackCluster.insecure(options().setName("open-test")));
  }

  private static ActorSystemOptions options() {
    return new ActorSystemOptions().setName(SYSTEM).addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport");
  }

  @AfterAll
  static void stopNodes() throws Exception {
    LoopbackCluster.stop(openM, openW, a, b, m, w);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static BlockingQueue<DeadLetter> deadLettersOf(ActorSystem system) {
    BlockingQueue<DeadLetter> letters = new LinkedBlockingQueue<>();
    system.addDeadLetterListener(letters::add);
    return letters;
  }

  /** The next dead letter whose reason is {@code reason}: its message, the refusal's text. */
  private static String nextRefusal(BlockingQueue<DeadLetter> letters) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      DeadLetter letter = letters.poll(50, TimeUnit.MILLISECONDS);
      if (letter != null && letter.reason().equals(REFUSED)) {
        return letter.message().toString();
      }
    }
    throw new AssertionError("no refusal within " + WAIT);
  }

  private static ActorRef sink(ActorSystem system, String name, BlockingQueue<Object> received) {
    return system.actorOf(Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        received.add(message);
      }
    }), name);
  }

  @Test
  void nodesWithTheSecretTellAskAndWatch() throws Exception {
    ActorRef echo = b.actorOf(ClusterActors.echo(), "sealed-echo");
    ActorRef remote = a.resolve(b.addressOf(echo));
    assertThat((Object) await(remote.ask(new ClusterActors.Greeting("sealed")))).isEqualTo(new ClusterActors.Greeting("sealed"));
    BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
    a.actorOf(Props.create(() -> new Actor() {
      @Override
      public void preStart() {
        context().watch(remote);
        remote.tell("watching", self());
      }

      @Override
      protected void receive(Object message) {
        seen.add(message);
      }
    }));
    assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("watching");
    await(b.stop(echo));
    assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Terminated.class);
  }

  @Test
  void aMemberWithoutTheSecretStopsAsksAndWatchesNothing() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOf(a);
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    ActorRef victim = sink(a, "victim-of-m", received);
    ActorRef fromM = m.resolve(a.addressOf(victim));
    fromM.tell(PoisonPill.INSTANCE);
    assertThat(nextRefusal(letters)).contains("without the cluster secret's seal");
    assertThatThrownBy(() -> await(fromM.ask("let me in", Duration.ofMillis(500))))
        .hasCauseInstanceOf(AskTimeoutException.class);
    m.actorOf(Props.create(() -> new Actor() {
      @Override
      public void preStart() {
        context().watch(fromM);
      }

      @Override
      protected void receive(Object message) {
      }
    }));
    nextRefusal(letters); // the ask
    nextRefusal(letters); // the watch
    assertThat(await(a.inspect(victim)).state()).isEqualTo(ActorInfo.State.RUNNING);
    assertThat(received).isEmpty();
  }

  @Test
  void aMemberWithAnotherSecretStopsNothing() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOf(a);
    ActorRef victim = sink(a, "victim-of-w", new LinkedBlockingQueue<>());
    w.resolve(a.addressOf(victim)).tell(PoisonPill.INSTANCE);
    assertThat(nextRefusal(letters)).contains("signed with a key this node does not accept");
    assertThat(await(a.inspect(victim)).state()).isEqualTo(ActorInfo.State.RUNNING);
  }

  @Test
  void aRawTcpClientClaimingAMemberStopsNothingWhereTheProbeStopsAnUnsecuredActor() throws Exception {
    // The control: open-test has no secret, and the forged frame stops its actor.
    ActorRef open = sink(openM, "open-victim", new LinkedBlockingQueue<>());
    BlockingQueue<Object> watched = new LinkedBlockingQueue<>();
    openM.actorOf(Props.create(() -> new Actor() {
      @Override
      public void preStart() {
        context().watch(open);
        watched.add("watching");
      }

      @Override
      protected void receive(Object message) {
        watched.add(message);
      }
    }));
    assertThat(watched.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("watching");
    rawSend(m, "actors.open-test." + m.nodeId(), TrustTest.Frames.message(w.nodeId(), "/user/open-victim",
        TrustTest.Frames.POISON_PILL));
    assertThat(watched.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Terminated.class);

    BlockingQueue<DeadLetter> letters = deadLettersOf(a);
    ActorRef victim = sink(a, "victim-of-raw", new LinkedBlockingQueue<>());
    String address = "actors." + SYSTEM + "." + a.nodeId();
    rawSend(a, address, TrustTest.Frames.message(b.nodeId(), "/user/victim-of-raw", TrustTest.Frames.POISON_PILL));
    assertThat(nextRefusal(letters)).contains("without the cluster secret's seal");
    // A header that names b and a made-up MAC.
    Buffer forged = Buffer.buffer().appendInt(0xAC7A_0003).appendInt(0).appendBytes(new byte[16]).appendLong(1)
        .appendShort((short) b.nodeId().length()).appendString(b.nodeId());
    Buffer frame = TrustTest.Frames.message(b.nodeId(), "/user/victim-of-raw", TrustTest.Frames.POISON_PILL);
    rawSendBatch(a, address, forged.appendInt(frame.length()).appendBuffer(frame).appendBytes(new byte[16]));
    assertThat(nextRefusal(letters)).contains("does not accept");
    assertThat(await(a.inspect(victim)).state()).isEqualTo(ActorInfo.State.RUNNING);
  }

  /** Sends {@code frame}, as a plain batch, to {@code address} over a raw TCP connection to {@code target}'s event bus. */
  private static void rawSend(ActorSystem target, String address, Buffer frame) throws Exception {
    rawSendBatch(target, address, Buffer.buffer().appendInt(frame.length()).appendBuffer(frame));
  }

  private static void rawSendBatch(ActorSystem target, String address, Buffer batch) throws Exception {
    NodeInfo node = ((VertxInternal) target.vertx()).clusterManager().getNodeInfo();
    Vertx outsider = Vertx.vertx(); // no cluster, no Hazelcast: just a socket
    try {
      NetSocket socket = await(outsider.createNetClient().connect(node.port(), node.host()));
      await(socket.write(wireMessage(outsider, address, batch)));
      await(socket.close());
    } finally {
      await(outsider.close());
    }
  }

  /**
   * {@code body} to {@code address} as Vert.x's clustered event bus puts a message on the wire
   * (its own encoder, reached by reflection: the package is not exported), from a made-up node.
   */
  private static Buffer wireMessage(Vertx outsider, String address, Buffer body) throws Exception {
    Class<?> messageClass = Class.forName("io.vertx.core.eventbus.impl.clustered.ClusteredMessage");
    Class<?> busClass = Class.forName("io.vertx.core.eventbus.impl.EventBusImpl");
    Object codec = Class.forName("io.vertx.core.eventbus.impl.CodecManager").getField("BUFFER_MESSAGE_CODEC").get(null);
    Object message = messageClass.getConstructor(String.class, String.class, MultiMap.class, Object.class,
            io.vertx.core.eventbus.MessageCodec.class, boolean.class, busClass)
        .newInstance("not-a-node", address, MultiMap.caseInsensitiveMultiMap(), body, codec, true, outsider.eventBus());
    return (Buffer) messageClass.getMethod("encodeToWire").invoke(message);
  }

  @Test
  void aCapturedBatchReplayedOrChangedIsRefused() throws Exception {
    BlockingQueue<DeadLetter> letters = deadLettersOf(a);
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    ActorRef counter = sink(a, "replay-target", received);
    String address = "actors." + SYSTEM + "." + a.nodeId();
    AtomicReference<Buffer> captured = new AtomicReference<>();
    // The frames are encrypted: the batch is told by its sender, named in the clear in its header.
    a.vertx().eventBus().addInboundInterceptor(delivery -> {
      if (delivery.message().address().equals(address) && delivery.message().body() instanceof Buffer batch
          && batch.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains(b.nodeId())) {
        captured.compareAndSet(null, batch.copy());
      }
      delivery.next();
    });
    b.resolve(a.addressOf(counter)).tell("once");
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("once");
    assertThat(captured.get().toString(java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("once");
    b.vertx().eventBus().send(address, captured.get().copy());
    assertThat(nextRefusal(letters)).contains("replayed");
    Buffer changed = captured.get().copy();
    changed.setByte(changed.length() - 1, (byte) (changed.getByte(changed.length() - 1) ^ 1));
    b.vertx().eventBus().send(address, changed);
    assertThat(nextRefusal(letters)).contains("tag does not verify");
    b.resolve(a.addressOf(counter)).tell("after");
    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("after");
    assertThat(received).isEmpty();
  }

  @Test
  void duringAKeyRollNodesWithEitherKeyTalkAndANodeWithOnlyTheNewOneIsRefusedByOneWithOnlyTheOld() throws Exception {
    String next = "the-next-cluster-secret-of-2027";
    ActorSystemOptions roll = options().setName("roll-test");
    // Step 1 on a (new key accepted), step 2 on b (new key signs, old accepted), m holds only the new key.
    ActorSystem accepting = ActorSystem.create(a.vertx(), new ActorSystemOptions(roll)
        .setClusterSecurity(new ClusterSecurityOptions().setSecret(LoopbackCluster.SECRET).addAcceptedSecret(next)));
    ActorSystem switched = ActorSystem.create(b.vertx(), new ActorSystemOptions(roll)
        .setClusterSecurity(new ClusterSecurityOptions().setSecret(next).addAcceptedSecret(LoopbackCluster.SECRET)));
    ActorSystem newOnly = ActorSystem.create(m.vertx(), new ActorSystemOptions(roll)
        .setClusterSecurity(new ClusterSecurityOptions().setSecret(next)));
    try {
      ActorRef onAccepting = accepting.actorOf(ClusterActors.echo(), "echo");
      ActorRef onSwitched = switched.actorOf(ClusterActors.echo(), "echo");
      ActorRef onNewOnly = newOnly.actorOf(ClusterActors.echo(), "echo");
      ClusterActors.Greeting hello = new ClusterActors.Greeting("roll");
      assertThat((Object) await(switched.resolve(accepting.addressOf(onAccepting)).ask(hello))).isEqualTo(hello);
      assertThat((Object) await(accepting.resolve(switched.addressOf(onSwitched)).ask(hello))).isEqualTo(hello);
      // newOnly reaches accepting, which accepts the new key; accepting's answers, signed with the old one, do not reach newOnly.
      BlockingQueue<Object> received = new LinkedBlockingQueue<>();
      ActorRef inbox = sink(accepting, "inbox", received);
      newOnly.resolve(accepting.addressOf(inbox)).tell(hello);
      assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(hello);
      BlockingQueue<DeadLetter> letters = deadLettersOf(newOnly);
      accepting.resolve(newOnly.addressOf(onNewOnly)).tell(hello);
      assertThat(nextRefusal(letters)).contains("signed with a key this node does not accept");
    } finally {
      LoopbackCluster.stop(accepting, switched, newOnly);
    }
  }

  @Test
  void aClusteredSystemWithNeitherSecretNorTlsDoesNotStartUnlessInsecureByName() throws Exception {
    ActorSystemOptions naked = new ActorSystemOptions().setName("naked");
    assertThatThrownBy(() -> ActorSystem.create(a.vertx(), naked)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refuses to join the cluster unauthenticated")
        .hasMessageContaining("setSecret").hasMessageContaining("ClientAuth.REQUIRED")
        .hasMessageContaining("setInsecureForDevelopment(true)");
    assertThatThrownBy(() -> await(ActorSystem.clustered(a.vertx(), naked)))
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ActorSystem.create(a.vertx(), new ActorSystemOptions().setName("half")
        .setClusterSecurity(new ClusterSecurityOptions().addAcceptedSecret(OTHER_SECRET))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no secret to sign with");
    assertThatThrownBy(() -> new ClusterSecurityOptions().setSecret("short"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
    try (LogCapture log = new LogCapture("actors.cluster")) {
      ActorSystem insecure = ActorSystem.create(a.vertx(), LoopbackCluster.insecure(naked));
      try {
        assertThat(await(log.when(line -> line.contains("INSECURE CLUSTER")))).contains("[naked]");
      } finally {
        await(insecure.terminate());
      }
    }
    assertThat(new ActorSystemOptions().setClusterSecurity(new ClusterSecurityOptions().setSecret(OTHER_SECRET))
        .toString()).doesNotContain(OTHER_SECRET).contains("\"hasSecret\":true");
  }

  @Test
  void registryEntriesWrittenWithoutTheSecretAreFoundByNoLookupAndARegistrationReplacesThem() throws Exception {
    ActorRef impostor = m.actorOf(ClusterActors.echo(), "impostor");
    await(m.registry().register("forged-name", impostor));
    assertThatThrownBy(() -> await(a.registry().lookup("forged-name")))
        .hasCauseInstanceOf(ActorNotFoundException.class).hasMessageContaining("not signed with the cluster secret");
    ActorRef genuine = b.actorOf(ClusterActors.echo(), "genuine");
    await(b.registry().register("forged-name", genuine));
    assertThat(a.addressOf(await(a.registry().lookup("forged-name")))).isEqualTo(b.addressOf(genuine));
  }

  @Test
  void aConsumerAnotherNodeRegistersAtThisNodesTransportAddressIsReportedAsAnError() throws Exception {
    try (LogCapture log = new LogCapture("actors.cluster")) {
      io.vertx.core.eventbus.MessageConsumer<Object> thief = m.vertx().eventBus()
          .consumer("actors." + SYSTEM + "." + a.nodeId(), message -> { });
      try {
        await(thief.completion());
        String line = log.when(text -> text.contains("registered a consumer at this node's transport address"))
            .toCompletionStage().toCompletableFuture().get(3 * 5, TimeUnit.SECONDS);
        assertThat(line).contains(m.nodeId()).contains("[" + SYSTEM + "]");
      } finally {
        await(thief.unregister());
      }
    }
  }

  @Test
  void hostsAndLeasesWrittenWithoutTheSecretAreIgnored() throws Exception {
    int shards = 10;
    String prefix = "actors." + SYSTEM + ".$sharding.signed";
    AsyncMap<String, String> hosts = await(m.vertx().sharedData().getAsyncMap(prefix + ".hosts"));
    AsyncMap<String, String> leases = await(m.vertx().sharedData().getAsyncMap(prefix + ".leases"));
    await(hosts.put(m.nodeId(), ""));
    for (int shard = 0; shard < shards; shard++) {
      await(leases.put(String.valueOf(shard), m.nodeId()));
    }
    ShardingOptions options = new ShardingOptions().setNumberOfShards(shards);
    Props whereAmI = Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        sender().tell(context().system().nodeId(), self());
      }
    });
    await(Future.all(ClusterSharding.get(a).start("signed", id -> whereAmI, options),
        ClusterSharding.get(b).start("signed", id -> whereAmI, options)));
    Set<String> answeredBy = new HashSet<>();
    List<Future<String>> asks = new ArrayList<>();
    for (int e = 0; e < 40; e++) {
      asks.add(ClusterSharding.get(a).entityRef("signed", "e" + e).ask("where"));
    }
    for (Future<String> ask : asks) {
      answeredBy.add(await(ask));
    }
    assertThat(answeredBy).isSubsetOf(a.nodeId(), b.nodeId()).isNotEmpty();
  }
}
