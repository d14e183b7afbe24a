package actors.sharding.impl;

import actors.Actor;
import actors.ActorRef;
import actors.Terminated;
import actors.internal.EntityEnvelope;
import actors.internal.RemoteProvider;
import actors.internal.SystemServices;
import actors.sharding.impl.RegionMessages.DirectoryOpen;
import actors.sharding.impl.RegionMessages.FlushTimedOut;
import actors.sharding.impl.RegionMessages.HandOffTimedOut;
import actors.sharding.impl.RegionMessages.LeaseAnswer;
import actors.sharding.impl.RegionMessages.Leave;
import actors.sharding.impl.RegionMessages.ReleaseDone;
import actors.sharding.impl.RegionMessages.RetryLease;
import actors.sharding.impl.RegionMessages.Tick;
import actors.sharding.impl.RegionMessages.ViewRead;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One node's region of one entity type (or singleton): every message for the type's entities
 * passes through it. It routes each to the node that owns the entity's shard, hosts the shards
 * this node owns (their entities are its children), and moves shards when the nodes that host
 * the type change.
 *
 * <p>Ownership: the owner of a shard is the node that rendezvous hashing picks among the live
 * hosts (for a singleton: the node that holds it, while it lives). A node runs a shard only
 * while it holds the shard's lease, an entry of the cluster manager's shared map taken with
 * {@code putIfAbsent}: a new owner buffers the shard's messages until the old one has stopped
 * its entities and removed its entry, or until the cluster manager reports the old one gone.
 */
final class ShardRegion extends Actor {

  private static final System.Logger LOG = System.getLogger("actors.sharding");
  private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);
  private static final String RELEASED = "shardReleased";
  // A host that started asks the others to confirm they see it; they answer once they do.
  private static final String JOINED = "hostJoined";
  private static final Duration JOIN_CONFIRMATION = Duration.ofSeconds(10);

  private final RegionSettings settings;
  private final SystemServices system;
  private final RemoteProvider provider;
  private final String nodeId;
  private final Promise<Void> started;
  private final ShardTable shards;
  private final Map<String, ActorRef> regions = new HashMap<>();
  // Messages whose owner is unknown (no view yet, no host) or moot (passed on too often).
  private final ArrayDeque<Waiting.Held> parked = new ArrayDeque<>();
  private final OwnerView view;
  private Runnable membershipListener;
  private TypeDirectory directory;
  private boolean announced;
  // Other hosts waiting to hear that this region's view includes them.
  private final List<RegionMessages.Confirmation> confirmations = new ArrayList<>();
  private boolean hosting;
  // Completed once this node has left the type's hosts and handed all its shards off.
  private Promise<Void> leaving;
  private MessageConsumer<Object> changes;
  private boolean reading;
  private boolean readAgain;
  private final Waiting waiting;
  private final Lanes lanes;
  private Entities entities;

  ShardRegion(RegionSettings settings, SystemServices system, Promise<Void> started) {
    this.settings = settings;
    this.system = system;
    this.provider = system.remoteProvider();
    this.nodeId = provider.nodeId();
    this.started = started;
    this.view = new OwnerView(provider, settings.sticky(), settings.numberOfShards());
    this.shards = new ShardTable(settings.numberOfShards());
    this.waiting = new Waiting(settings, system, provider.nodeId());
    this.lanes = new Lanes(settings.numberOfShards());
    this.hosting = settings.hosting();
  }

  @Override
  public void preStart() {
    ActorRef me = self();
    entities = new Entities(context(), settings, system, waiting);
    membershipListener = () -> me.tell(Tick.REFRESH);
    provider.onMembershipChange(membershipListener);
    changes = context().vertx().eventBus().consumer(settings.topic(system.name()), change -> me.tell(Tick.REFRESH));
    context().timers().startTimerWithFixedDelay(Tick.REFRESH, Tick.REFRESH, REFRESH_INTERVAL);
    Duration passivateAfter = settings.options().getPassivateAfter();
    if (!passivateAfter.isZero() && hosting) {
      Duration every = passivateAfter.dividedBy(Entities.PASSIVATION_TICKS);
      context().timers().startTimerWithFixedDelay(Tick.PASSIVATE, Tick.PASSIVATE, every.isZero() ? Duration.ofMillis(1) : every);
    }
    TypeDirectory.open(context().vertx(), settings.mapPrefix(system.name()))
        .compose(open -> hosting ? open.addHost(nodeId).map(open) : Future.succeededFuture(open))
        .onSuccess(open -> me.tell(new DirectoryOpen(open)))
        .onFailure(started::tryFail);
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof EntityEnvelope envelope) {
      route(Rendezvous.shardOf(envelope.entityId(), view.numberOfShards()),
          Waiting.Held.message(envelope, sender(), envelope.hops() == 0));
    } else if (message instanceof LeaseAnswer answer) {
      leaseAnswered(answer);
    } else if (message instanceof Terminated terminated) {
      entityStopped(terminated.actor());
    } else if (message == Tick.REFRESH) {
      readView();
    } else if (message == Tick.PASSIVATE) {
      entities.passivateIdle(shards.all());
    } else if (message instanceof ViewRead read) {
      viewRead(read);
    } else if (message instanceof JsonObject json) {
      controlMessage(json);
    } else if (message instanceof FlushTimedOut timedOut) {
      LOG.log(System.Logger.Level.DEBUG, () -> "[" + system.name() + "] the barrier of shard " + timedOut.shard()
          + " of " + settings.typeName() + " did not pass within " + flushTimeout().toMillis() + " ms; sending on");
      flushEnded(timedOut.shard(), timedOut.seq());
    } else if (message instanceof RetryLease retry) {
      retryLease(retry.shard());
    } else if (message instanceof ReleaseDone done) {
      released(done);
    } else if (message instanceof HandOffTimedOut timedOut) {
      handOffTimedOut(timedOut.shard());
    } else if (message instanceof DirectoryOpen open) {
      directory = open.directory();
      if (hosting) {
        context().vertx().eventBus().publish(settings.topic(system.name()), nodeId);
      }
      readView();
    } else if (message instanceof Leave leave) {
      leave(leave.done());
    } else {
      unhandled(message);
    }
    if (leaving != null && shards.isEmpty() && (directory == null || view.known() && !view.includes(nodeId))) {
      leaving.tryComplete();
    }
  }

  /** What another region sends: a barrier, the answer to one, a released shard, a host that joined. */
  private void controlMessage(JsonObject json) {
    Barrier barrier = Barrier.from(json, settings.numberOfShards());
    Barrier.Passed passed = barrier == null ? Barrier.passedFrom(json, settings.numberOfShards()) : null;
    if (barrier != null) {
      route(barrier.shard(), Waiting.Held.of(barrier));
    } else if (passed != null) {
      flushEnded(passed.shard(), passed.seq());
    } else if (json.getValue(RELEASED) instanceof Integer shard && shard >= 0 && shard < settings.numberOfShards()) {
      retryLease(shard);
    } else if (json.getValue(JOINED) instanceof String node) {
      confirmations.add(new RegionMessages.Confirmation(node, sender()));
      confirmJoins();
      readView();
    } else {
      unhandled(json);
    }
  }

  /** This node stops hosting the type: its shards go to the other hosts, and it routes as a proxy does. */
  private void leave(Promise<Void> done) {
    if (leaving != null) {
      leaving.future().onComplete(done);
      return;
    }
    leaving = done;
    if (hosting && directory != null) {
      ActorRef me = self();
      directory.removeHost(nodeId).onComplete(removed -> {
        system.vertx().eventBus().publish(settings.topic(system.name()), nodeId);
        me.tell(Tick.REFRESH);
      });
    }
    hosting = false;
  }

  // ---------------------------------------------------------------- the view of the hosts

  /** Reads the hosts (and for a singleton who holds it) from the cluster manager; one read at a time. */
  private void readView() {
    if (directory == null) {
      return;
    }
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    ActorRef me = self();
    directory.read(settings.sticky()).onComplete(read -> me.tell(new ViewRead(read.result())));
  }

  private void viewRead(ViewRead read) {
    reading = false;
    if (readAgain) {
      readAgain = false;
      readView();
    }
    if (read.snapshot() == null) {
      return; // The cluster manager did not answer: the next tick reads again.
    }
    Set<String> hosts = read.snapshot().hosts();
    Set<String> live = hosts.stream().filter(provider::isMember).collect(Collectors.toCollection(HashSet::new));
    hosts.stream().filter(host -> !live.contains(host)).forEach(directory::removeHost);
    if (hosting) {
      live.add(nodeId);
    } else {
      live.remove(nodeId);
    }
    if (view.update(live, read.snapshot().holders())) {
      reconsiderShards();
    }
    if (settings.sticky() && hosting && nodeId.equals(view.ownerOf(0)) && shards.get(0) == null) {
      // A singleton runs whether or not it has messages: the node it belongs to takes it now.
      Shard shard = new Shard(0);
      shards.put(shard);
      requestLease(shard);
    }
    shards.all().stream().filter(shard -> shard.state == Shard.State.ACQUIRING)
        .forEach(shard -> retryLease(shard.id));
    endFlushesThroughLostNodes();
    rerouteParked();
    confirmJoins();
    if (!announced) {
      announced = true;
      announce();
    }
  }

  /**
   * The first view is read: the start is over once every other live host has confirmed that
   * it sees this one (so that none places a shard as if it did not), or after a while anyway.
   */
  private void announce() {
    if (!hosting) {
      started.tryComplete();
      return;
    }
    Future.join(view.hosts().stream().filter(host -> !host.equals(nodeId))
            .map(host -> regionAt(host).ask(new JsonObject().put(JOINED, nodeId), JOIN_CONFIRMATION)).toList())
        .onComplete(all -> started.tryComplete());
  }

  /** Answers the hosts that asked whether this region sees them, if it does now. */
  private void confirmJoins() {
    confirmations.removeIf(waiting -> {
      if (view.includes(waiting.node())) {
        waiting.asker().tell(Boolean.TRUE, self());
        return true;
      }
      return false;
    });
  }

  /** After a change of view: hand off the shards that now belong elsewhere, give up those not yet taken. */
  private void reconsiderShards() {
    for (Shard shard : shards.all()) {
      if (nodeId.equals(view.ownerOf(shard.id))) {
        continue;
      }
      if (shard.state == Shard.State.ACTIVE) {
        handOff(shard);
      } else if (shard.state == Shard.State.ACQUIRING && !shard.leaseRequested) {
        shards.remove(shard.id);
        reroute(shard.buffer);
      }
    }
  }

  // ---------------------------------------------------------------- routing

  /**
   * Routes one item for {@code shardId}: a message, or a barrier, which takes the same way
   * through the same queues. Per-sender order rests on three rules. A shard this node still has
   * (taking it over, or handing it off) holds what comes for it until it is active here or
   * released. While any item of a shard is parked, the next ones park behind it. And messages
   * from this node's senders wait while the region changes their way ({@link Lanes}). An item
   * from another region (hops above 0) is never passed on at once: delivered, held or parked.
   */
  private void route(int shardId, Waiting.Held item) {
    Barrier barrier = item.barrier();
    if (barrier != null && barrier.origin().equals(nodeId)) {
      // This region's own barrier, back: what went the old way before it came back before it.
      flushEnded(shardId, barrier.seq());
      return;
    }
    Lanes.Flush flush = lanes.flush(shardId);
    if (flush != null && item.local()) {
      waiting.add(flush.held, item);
      return;
    }
    String owner = view.known() && !lanes.anyParked(shardId) ? view.ownerOf(shardId) : null;
    Shard shard = shards.get(shardId);
    if (owner == null) {
      park(shardId, item);
    } else if (owner.equals(nodeId)) {
      if (item.local() && !mayGo(shardId, nodeId)) {
        waiting.add(lanes.flush(shardId).held, item);
        return;
      }
      if (shard == null) {
        shard = new Shard(shardId);
        shards.put(shard);
        requestLease(shard);
      }
      if (shard.state == Shard.State.ACTIVE) {
        deliverHere(shard, item);
      } else {
        waiting.add(shard.buffer, item);
      }
    } else if (shard != null && shard.state != Shard.State.ACTIVE) {
      waiting.add(shard.buffer, item);
    } else if (item.hops() > 0 || !provider.isMember(owner)) {
      // The owner left, or the node that passed it on thinks this one owns it: one of the two
      // views is stale. It waits for the next view, read now; never bounced between the two.
      park(shardId, item);
      readView();
    } else if (item.local() && !mayGo(shardId, owner)) {
      waiting.add(lanes.flush(shardId).held, item);
    } else if (barrier == null) {
      regionAt(owner).tell(item.envelope().passedOn(), item.sender());
    } else {
      regionAt(owner).tell(barrier.passedOn().toJson());
    }
  }

  /**
   * Whether this region's messages for {@code shardId} may go to {@code hop} now. Not if the
   * last went to another node that is still there: then a barrier goes that way, and the next
   * messages wait until it passes (or the node leaves, or the hand-off timeout passes twice).
   */
  private boolean mayGo(int shardId, String hop) {
    String last = lanes.lastHop(shardId);
    if (last != null && !last.equals(hop) && !last.equals(nodeId) && provider.isMember(last)) {
      Lanes.Flush flush = lanes.startFlush(shardId, last);
      regionAt(last).tell(new Barrier(shardId, nodeId, flush.seq, 1).toJson());
      FlushTimedOut timedOut = new FlushTimedOut(shardId, flush.seq);
      context().timers().startSingleTimer(timedOut, timedOut, flushTimeout());
      return false;
    }
    lanes.lastHop(shardId, hop);
    return true;
  }

  private Duration flushTimeout() {
    return settings.options().getHandOffTimeout().multipliedBy(2);
  }

  /** Barrier {@code seq} of {@code shardId} passed (or will not): what waited for it goes on, in order. */
  private void flushEnded(int shardId, long seq) {
    Lanes.Flush flush = lanes.endFlush(shardId, seq);
    if (flush != null) {
      context().timers().cancel(new FlushTimedOut(shardId, seq));
      reroute(flush.held);
    }
  }

  /** A barrier sent to a node that has left will not come back: its messages were lost with it. */
  private void endFlushesThroughLostNodes() {
    for (int shardId = 0; shardId < lanes.numberOfShards(); shardId++) {
      Lanes.Flush flush = lanes.flush(shardId);
      if (flush != null && !provider.isMember(flush.via)) {
        flushEnded(shardId, flush.seq);
      }
    }
  }

  /** Delivers to an active shard here: a message to its entity; a barrier answered, after what its entities hold. */
  private void deliverHere(Shard shard, Waiting.Held item) {
    if (item.barrier() == null) {
      entities.deliver(shard, item);
    } else if (shard.anyEntityWaiting()) {
      waiting.add(shard.barriers, item);
    } else {
      regionAt(item.barrier().origin()).tell(item.barrier().passed());
    }
  }

  private ActorRef regionAt(String node) {
    return regions.computeIfAbsent(node, id -> system.resolve(id + self().path()));
  }

  private void park(int shardId, Waiting.Held item) {
    lanes.parked(shardId);
    waiting.add(parked, item);
  }

  /** Routes again what waited, as this region's own; what is still without an owner waits again, in the same order. */
  private void reroute(ArrayDeque<Waiting.Held> queue) {
    for (Waiting.Held next : waiting.takeAll(queue)) {
      int shardId = next.barrier() != null ? next.barrier().shard()
          : Rendezvous.shardOf(next.envelope().entityId(), view.numberOfShards());
      route(shardId, next.rerouted());
    }
  }

  private void rerouteParked() {
    if (!parked.isEmpty()) {
      lanes.unparkAll();
      reroute(parked);
    }
  }

  // ---------------------------------------------------------------- entities

  private void entityStopped(ActorRef ref) {
    Shard shard = entities.stopped(ref, shards);
    if (shard != null && shard.state == Shard.State.HANDING_OFF && shard.entities.isEmpty()) {
      release(shard);
    } else if (shard != null && shard.state == Shard.State.ACTIVE && !shard.barriers.isEmpty() && !shard.anyEntityWaiting()) {
      waiting.takeAll(shard.barriers).forEach(barrier -> deliverHere(shard, barrier));
    }
  }

  // ---------------------------------------------------------------- leases and hand-off

  private void requestLease(Shard shard) {
    shard.leaseRequested = true;
    ActorRef me = self();
    directory.take(shard.id, nodeId).onComplete(put ->
        me.tell(new LeaseAnswer(shard.id, put.result(), put.cause())));
  }

  private void retryLease(int shardId) {
    Shard shard = shards.get(shardId);
    if (shard != null && shard.state == Shard.State.ACQUIRING && !shard.leaseRequested) {
      requestLease(shard);
    }
  }

  private void leaseAnswered(LeaseAnswer answer) {
    Shard shard = shards.get(answer.shard());
    boolean taken = answer.failure() == null && (answer.holder() == null || answer.holder().equals(nodeId));
    if (shard == null || shard.state != Shard.State.ACQUIRING) {
      if (taken && shard == null) {
        directory.release(answer.shard(), nodeId);
      }
      return;
    }
    shard.leaseRequested = false;
    if (taken) {
      view.holder(shard.id, nodeId);
      if (nodeId.equals(view.ownerOf(shard.id))) {
        activate(shard);
      } else {
        shard.state = Shard.State.HANDING_OFF;
        release(shard);
      }
      return;
    }
    if (answer.failure() != null) {
      LOG.log(System.Logger.Level.DEBUG, () -> "[" + system.name() + "] taking the lease of shard " + shard.id + " of "
          + settings.typeName() + " failed; trying again", answer.failure());
    } else if (!provider.isMember(answer.holder())) {
      // Held by a node the cluster manager reports gone: its entities died with it.
      shard.leaseRequested = true;
      ActorRef me = self();
      directory.takeFrom(shard.id, answer.holder(), nodeId).onComplete(put -> me.tell(new LeaseAnswer(shard.id, put.result(), put.cause())));
      return;
    } else {
      view.holder(shard.id, answer.holder()); // A singleton stays where it runs.
    }
    if (!nodeId.equals(view.ownerOf(shard.id))) {
      shards.remove(shard.id);
      reroute(shard.buffer);
    }
    // Otherwise the holder hands it off and says so; the refresh tick asks again meanwhile.
  }

  private void activate(Shard shard) {
    shard.state = Shard.State.ACTIVE;
    if (settings.sticky()) {
      entities.start(shard, settings.typeName());
    }
    for (Waiting.Held next : waiting.takeAll(shard.buffer)) {
      deliverHere(shard, next);
    }
  }

  private void handOff(Shard shard) {
    shard.state = Shard.State.HANDING_OFF;
    shard.holdWaitingForNewOwner();
    if (shard.entities.isEmpty()) {
      release(shard);
      return;
    }
    shard.stopEntities(entity -> true);
    context().timers().startSingleTimer(new HandOffTimedOut(shard.id), new HandOffTimedOut(shard.id),
        settings.options().getHandOffTimeout());
  }

  /** The hand-off's time is up: its entities are stopped at once; or, if they all stopped, its release is retried. */
  private void handOffTimedOut(int shardId) {
    Shard shard = shards.get(shardId);
    if (shard != null && shard.state == Shard.State.HANDING_OFF && shard.entities.isEmpty()) {
      release(shard);
    } else if (shard != null && shard.state == Shard.State.HANDING_OFF) {
      LOG.log(System.Logger.Level.WARNING, () -> "[" + system.name() + "] the entities of shard " + shard.id + " of "
          + settings.typeName() + " did not stop within " + settings.options().getHandOffTimeout().toMillis()
          + " ms of its hand-off: stopping " + shard.entities.size() + " at once");
      shard.entities.values().forEach(entity -> context().stop(entity.ref));
    }
  }

  private void release(Shard shard) {
    context().timers().cancel(new HandOffTimedOut(shard.id));
    ActorRef me = self();
    directory.release(shard.id, nodeId).onComplete(removed -> me.tell(new ReleaseDone(shard.id, removed.succeeded())));
  }

  private void released(ReleaseDone done) {
    Shard shard = shards.get(done.shard());
    if (shard == null || shard.state != Shard.State.HANDING_OFF) {
      return;
    }
    if (!done.succeeded()) {
      // The lease must go, or the new owner waits for this node to die: again in a moment.
      context().timers().startSingleTimer(new HandOffTimedOut(shard.id), new HandOffTimedOut(shard.id), REFRESH_INTERVAL);
      return;
    }
    shards.remove(shard.id);
    view.holder(shard.id, null);
    String owner = view.ownerOf(shard.id);
    if (owner != null && !owner.equals(nodeId) && provider.isMember(owner)) {
      regionAt(owner).tell(new JsonObject().put(RELEASED, shard.id));
    }
    reroute(shard.buffer);
  }

  @Override
  public void postStop() {
    provider.removeMembershipListener(membershipListener);
    if (changes != null) {
      changes.unregister();
    }
    for (Shard shard : shards.all()) {
      if (shard.state != Shard.State.ACQUIRING || shard.leaseRequested) {
        directory.release(shard.id, nodeId);
      }
      waiting.dropAll(shard.buffer);
      waiting.dropAll(shard.barriers);
      shard.entities.values().stream().filter(entity -> entity.waiting != null).forEach(entity -> waiting.dropAll(entity.waiting));
    }
    waiting.dropAll(parked);
    for (int shardId = 0; shardId < lanes.numberOfShards(); shardId++) {
      Lanes.Flush flush = lanes.flush(shardId);
      if (flush != null) {
        waiting.dropAll(flush.held);
      }
    }
    if (directory != null && hosting) {
      directory.removeHost(nodeId).onComplete(removed ->
          system.vertx().eventBus().publish(settings.topic(system.name()), nodeId));
    }
    started.tryFail("the region of " + settings.typeName() + " stopped before it started");
  }
}
