package actors.cluster.impl;

import actors.ActorRef;
import actors.ActorSystemOptions;
import actors.MailboxFullException;
import actors.Status;
import actors.cluster.ActorNotFoundException;
import actors.cluster.MessageEncodingException;
import actors.internal.ClusterKeys;
import actors.internal.LogText;
import actors.internal.LocalRef;
import actors.internal.MessageAllowList;
import actors.internal.MessageTracing;
import actors.internal.PendingAsk;
import actors.internal.RemoteProvider;
import actors.internal.RemoteWatcher;
import actors.internal.SystemMeters;
import actors.internal.SignedEntries;
import actors.internal.SystemServices;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One actor system's presence on a clustered event bus: a single consumer per node and system
 * (at {@code actors.<system>.<nodeId>}) receives every frame for its actors, so the cluster
 * manager holds one subscription per node, not one per actor. Frames from one sender's context
 * go out in order over Vert.x's one connection per pair of nodes, which keeps per-sender order.
 *
 * <p>It also keeps what distribution adds: asks waiting for a reply from another node, remote
 * death watch on both sides, and what happens when the cluster manager reports a node gone.
 * It is the system's {@link RemoteProvider} on a clustered Vertx.
 */
public final class ClusterTransport implements RemoteProvider {

  private static final System.Logger LOG = System.getLogger("actors.cluster");

  final SystemServices system;
  final String nodeId;
  private final int maxFrameSize;
  // Null while metrics are off, and while Vert.x has no tracer.
  private final SystemMeters meters;
  private final MessageTracing tracing;
  // Untrusted mode: no lifecycle control or death watch from other nodes, registered actors only.
  private final boolean untrusted;
  private final VertxInternal vertx;
  private final EventBus eventBus;
  private final ClusterMembership membership;
  private final Quorum quorum;
  private final WireFormat wire;
  private final ContextInternal context;
  // Where inbound batches are decoded: one per sending node, by its id, so that each node's
  // frames keep their order and the traffic of several nodes spreads over the event loops.
  private final ContextInternal[] decoders;
  private final OutboundBatches batches;
  private final BatchSeal seal; // null without a cluster secret
  private final SignedEntries signedEntries;
  private final AddressWatch addressWatch;
  private final Consumer<String> leaveListener = this::nodeLeft;
  private final Map<String, String> nodeAddresses = new ConcurrentHashMap<>();
  private final ExportedAsks exportedAsks = new ExportedAsks();
  private final RemoteDeathWatch deathWatch;
  private final Promise<Void> ready = Promise.promise();
  private MessageConsumer<Buffer> consumer;
  // Frames sent before the consumer was registered; null once it is.
  private List<Runnable> beforeReady = new ArrayList<>();

  private ClusterTransport(SystemServices system, VertxInternal vertx, MessageAllowList allowList,
                           ActorSystemOptions options, List<ContextInternal> decoders) {
    ClusterKeys keys = ClusterAdmission.keys(vertx, system.name(), options.getClusterSecurity());
    this.system = system;
    this.meters = system.meters();
    this.tracing = system.tracing();
    this.maxFrameSize = options.getMaxFrameSize();
    this.untrusted = options.isUntrustedMode();
    this.signedEntries = SignedEntries.with(keys);
    this.nodeId = vertx.clusterManager().getNodeId();
    this.eventBus = vertx.eventBus();
    this.vertx = vertx;
    this.quorum = new Quorum(system.name(), nodeId, options.getPartitionOptions());
    this.membership = ClusterMembership.install(vertx, vertx.clusterManager());
    this.wire = new WireFormat(this, allowList);
    this.deathWatch = new RemoteDeathWatch(nodeId, membership, system::findLocal, this::deliver);
    this.context = decoders.get(0);
    this.decoders = decoders.toArray(new ContextInternal[0]);
    this.seal = keys == null ? null : new BatchSeal(keys, nodeId);
    this.batches = new OutboundBatches(eventBus, this::addressOf, seal);
    membership.onNodeLeft(leaveListener);
    this.addressWatch = new AddressWatch(vertx, vertx.clusterManager(), system.name(), addressOf(nodeId));
    context.runOnContext(started -> {
      consumer = eventBus.consumer(addressOf(nodeId));
      consumer.handler(this::receive);
      consumer.completion().onComplete(registered -> {
        List<Runnable> queued;
        synchronized (this) {
          queued = beforeReady;
          beforeReady = null;
        }
        queued.forEach(Runnable::run);
        ready.handle(registered);
      });
    });
  }

  /**
   * The transport of {@code system} on the clustered {@code vertx}: it registers its consumer on
   * the first of {@code decoders}, decodes what arrives on them, and is {@link #ready()} once
   * other nodes can reach it. It uses the frame size, untrusted mode and cluster security of {@code options}.
   *
   * @throws IllegalStateException as {@link ClusterAdmission#keys} does, before anything starts
   */
  public static ClusterTransport start(SystemServices system, VertxInternal vertx, MessageAllowList allowList,
                                       ActorSystemOptions options, List<ContextInternal> decoders) {
    return new ClusterTransport(system, vertx, allowList, options, decoders);
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public SignedEntries signedEntries() {
    return signedEntries;
  }

  @Override
  public Future<Void> ready() {
    return ready.future();
  }

  @Override
  public Quorum ownership() {
    return quorum;
  }

  /** Starts renewing this node's right to host. */
  @Override
  public void systemStarted() {
    QuorumActor.start(system, quorum, this, vertx);
  }

  @Override
  public boolean isRemote(ActorRef ref) {
    return ref instanceof RemoteActorRef remote && remote.transport == this;
  }

  @Override
  public ActorRef resolve(String node, String path) {
    return new RemoteActorRef(this, node, path);
  }

  @Override
  public String addressOf(ActorRef remote) {
    RemoteActorRef ref = (RemoteActorRef) remote;
    return ref.nodeId + ref.path();
  }

  @Override
  public boolean isMember(String node) {
    return membership.isMember(node);
  }

  @Override
  public void onMembershipChange(Runnable listener) {
    membership.onChange(listener);
  }

  @Override
  public void removeMembershipListener(Runnable listener) {
    membership.removeChangeListener(listener);
  }

  // ---------------------------------------------------------------- sending

  /** Sends a message to an actor of another node; a MessageEncodingException names the class if it cannot be encoded. */
  void send(RemoteActorRef target, Object message, ActorRef sender) {
    if (system.isTerminated() || !membership.isMember(target.nodeId)) {
      // The ask first, with the precise cause: the dead letter would otherwise fail it as undelivered.
      if (sender instanceof PendingAsk ask) {
        ask.fail(target.unreachable());
      }
      system.deadLetterOffice().publish(message, sender, target, system.isTerminated()
          ? "actor system [" + system.name() + "] has terminated" : "node " + target.nodeId + " is not in the cluster");
      return;
    }
    ContextInternal traced = tracing == null ? null : tracing.tracedContext();
    Map<String, String> trace = traced == null ? null : tracing.send(traced, message, sender, target.path());
    Buffer frame = wire.message(nodeId, target.nodeId, target.path(), sender, message, trace);
    if (frame.length() > maxFrameSize) {
      throw new MessageEncodingException("a message of type " + message.getClass().getName() + " encodes to "
          + frame.length() + " bytes, more than the largest frame, " + maxFrameSize
          + " bytes (ActorSystemOptions.setMaxFrameSize)");
    }
    deliver(target.nodeId, frame);
  }

  private void deliver(String node, Buffer frame) {
    if (meters != null) {
      meters.frameSent(frame.length());
    }
    if (beforeReady != null) {
      synchronized (this) {
        if (beforeReady != null) {
          beforeReady.add(() -> batches.add(context, node, frame));
          return;
        }
      }
    }
    ContextInternal current = ContextInternal.current();
    if (current == null) {
      // Off any context, each send could get a context of its own: one context keeps them in order.
      context.runOnContext(ignored -> batches.add(context, node, frame));
    } else if (current.isEventLoopContext() && current.nettyEventLoop().inEventLoop()) {
      batches.add(current, node, frame);
    } else {
      // A worker or virtual thread: no batch outlives the task, so each frame goes on its own.
      batches.sendOne(node, frame);
    }
  }

  private String addressOf(String node) {
    return nodeAddresses.computeIfAbsent(node, id -> "actors." + system.name() + "." + id);
  }

  String exportedAddressOf(ActorRef ref) {
    return exportedAddressOf(ref, null);
  }

  /**
   * The address of {@code ref} as another node can use it, for the sender of a message to
   * {@code toNode} (null: none): an ask's reference is kept for its reply, and fails when that
   * node leaves, wherever its target is (an entity's reference names no node).
   */
  String exportedAddressOf(ActorRef ref, String toNode) {
    if (ref instanceof PendingAsk ask) {
      exportedAsks.add(ask, toNode);
      return nodeId + ask.path();
    }
    try {
      return system.addressOf(ref);
    } catch (IllegalArgumentException e) {
      throw new MessageEncodingException(e.getMessage(), e);
    }
  }

  @Override
  public ActorRef exportedAsk(String path) {
    return exportedAsks.get(path);
  }

  // ---------------------------------------------------------------- receiving

  /** A batch from another node, decoded on that node's decoder context. */
  private void receive(Message<Buffer> message) {
    Buffer batch = message.body();
    String sender = seal == null ? OutboundBatches.senderOf(batch) : BatchSeal.senderOf(batch);
    ContextInternal decoder = decoderOf(sender);
    if (decoder == ContextInternal.current()) {
      decode(batch, sender);
    } else {
      decoder.runOnContext(ignored -> decode(batch, sender));
    }
  }

  /** The batch's frames, each of which must come from {@code sender}: with a secret, once its seal is checked. */
  private void decode(Buffer batch, String sender) {
    String refusal = seal == null ? null : seal.refusal(batch, sender, addressOf(nodeId));
    if (refusal != null) {
      refused(refusal);
    } else if (!OutboundBatches.forEachFrame(seal == null ? batch : BatchSeal.frames(batch),
        frame -> receiveFrameSafely(frame, sender))) {
      refused("a batch whose frame lengths do not add up; the frames before the bad length were delivered");
    }
  }

  private ContextInternal decoderOf(String node) {
    return decoders[Math.floorMod(node.hashCode(), decoders.length)];
  }

  /** One frame; an exception it raises anywhere costs that frame only, never the rest of the batch. */
  private void receiveFrameSafely(Buffer frame, String sender) {
    try {
      receiveFrame(frame, sender);
    } catch (RuntimeException e) {
      refused("a frame whose delivery failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * One frame: whatever is wrong with it (a node that is not a member, bytes that do not
   * decode, a class that is not allowed) costs that frame only, which becomes a dead letter
   * with the reason; an ask waiting for it is answered with the failure.
   */
  private void receiveFrame(Buffer frame, String sender) {
    if (meters != null) {
      meters.frameReceived(frame.length());
    }
    if (frame.length() > maxFrameSize) {
      refused("a frame of " + frame.length() + " bytes, more than the largest frame, " + maxFrameSize + " bytes");
      return;
    }
    WireFormat.Reader in = new WireFormat.Reader(frame);
    String from;
    String path;
    byte kind;
    try {
      kind = in.readByte();
      from = in.readString();
      path = in.readString();
    } catch (RuntimeException e) {
      refused("a frame whose header does not decode (" + e.getClass().getSimpleName() + ")");
      return;
    }
    if (!from.equals(sender)) {
      refused("a frame claiming node " + LogText.quote(from) + " in a batch from " + LogText.quote(sender));
      return;
    }
    // A node the cluster manager has not reported yet counts once it lists it; any other is refused.
    if (!membership.isMember(from)) {
      refused("a frame from " + LogText.quote(from) + ", which is not a member of the cluster");
      return;
    }
    if (untrusted && kind != WireFormat.MESSAGE && kind != WireFormat.TRACED_MESSAGE) {
      refused("a death-watch frame from node " + LogText.quote(from) + " (untrusted mode)");
      return;
    }
    switch (kind) {
      case WireFormat.MESSAGE -> receiveMessage(in, from, path, null);
      case WireFormat.TRACED_MESSAGE -> receiveTracedMessage(in, from, path);
      case WireFormat.WATCH -> deathWatch.watchedFrom(from, path);
      case WireFormat.UNWATCH -> deathWatch.unwatchedFrom(from, path);
      case WireFormat.TERMINATED -> deathWatch.terminated(new RemoteActorRef(this, from, path));
      default -> refused("a frame of unknown kind " + kind + " from node " + LogText.quote(from));
    }
  }

  private void receiveTracedMessage(WireFormat.Reader in, String from, String path) {
    Map<String, String> trace;
    try {
      trace = WireFormat.readTrace(in);
    } catch (RuntimeException e) {
      refused("a message from node " + LogText.quote(from) + " whose trace headers do not decode (" + e.getMessage() + ")");
      return;
    }
    receiveMessage(in, from, path, tracing == null ? null : trace); // without a tracer here, the trace ends
  }

  private void receiveMessage(WireFormat.Reader in, String from, String path, Map<String, String> trace) {
    ActorRef sender;
    try {
      sender = wire.readSender(in, from);
    } catch (RuntimeException e) {
      refused("a message from node " + LogText.quote(from) + " whose sender does not decode ("
          + e.getClass().getSimpleName() + ")");
      return;
    }
    Object message;
    try {
      message = wire.readBody(in);
    } catch (RuntimeException e) {
      MessageEncodingException failure = e instanceof MessageEncodingException encoding ? encoding
          : new MessageEncodingException("a message to " + LogText.quote(path) + " does not decode ("
              + e.getClass().getSimpleName() + ")");
      system.deadLetterOffice().publish(failure.getMessage(), sender, system.missingActor(path),
          "a message from node " + from + " could not be decoded");
      answerAsk(sender, failure);
      return;
    }
    String refusal = untrusted ? UntrustedMode.refusal(system, path, message) : null;
    if (refusal != null) {
      system.deadLetterOffice().publish(message, sender, system.missingActor(path), refusal);
      answerAsk(sender, new ActorNotFoundException(refusal));
      return;
    }
    ActorRef target = system.findLocal(path);
    if (target == null) {
      ActorNotFoundException notFound = new ActorNotFoundException("no actor at " + path + " on node " + nodeId);
      system.deadLetterOffice().publish(message, sender, system.missingActor(path), notFound.getMessage());
      answerAsk(sender, notFound);
      return;
    }
    try {
      if (trace != null && target instanceof LocalRef local) {
        local.tell(message, sender, trace);
      } else {
        target.tell(message, sender);
      }
    } catch (MailboxFullException e) {
      system.deadLetterOffice().publish(message, sender, target, e.getMessage());
      answerAsk(sender, e);
    }
  }

  /** A frame, or the rest of a batch, that is not delivered: a dead letter that says why. */
  private void refused(String why) {
    system.deadLetterOffice().publish(why, null, system.deadLetters(), "refused by the cluster transport");
  }

  /** Fails the ask of another node that {@code sender} stands for, if it is one. */
  private static void answerAsk(ActorRef sender, RuntimeException failure) {
    if (sender instanceof RemoteActorRef remote && remote.path().startsWith("/temp/")) {
      remote.tell(new Status.Failure(failure));
    }
  }

  // ---------------------------------------------------------------- death watch

  /** {@code watcher} watches an actor of another node; a node not in the cluster is dead at once. */
  @Override
  public void watch(ActorRef remote, RemoteWatcher watcher) {
    deathWatch.watch((RemoteActorRef) remote, watcher);
  }

  @Override
  public void unwatch(ActorRef remote, RemoteWatcher watcher) {
    deathWatch.unwatch((RemoteActorRef) remote, watcher);
  }

  // ---------------------------------------------------------------- node loss

  /**
   * The cluster manager reports {@code node} gone: its actors are terminated for their
   * watchers, asks waiting on them fail at once, and its registry entries are removed.
   */
  private void nodeLeft(String node) {
    // On the node's decoder: after the frames it sent before it left, never among them.
    decoderOf(node).runOnContext(ignored -> {
      LOG.log(System.Logger.Level.INFO, "[" + system.name() + "] node " + node + " left the cluster");
      deathWatch.nodeLeft(node);
      if (seal != null) {
        seal.forget(node, addressOf(node));
      }
      nodeAddresses.remove(node);
      exportedAsks.nodeLeft(node);
      system.nodeLeft(node);
    });
  }

  @Override
  public Future<Void> close() {
    quorum.leave();
    membership.removeListener(leaveListener);
    addressWatch.stop();
    ClusterMembership.release(vertx, membership);
    return ready.future().transform(registered -> consumer.unregister());
  }
}
