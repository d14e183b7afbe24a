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
import actors.sharding.impl.RegionMessages.UnusedReleased;
import actors.sharding.impl.RegionMessages.ViewRead;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One node's region of one entity type (or singleton): every message for the type's entities passes through it. It
 * routes each to the node that owns the entity's shard, hosts the shards this node owns (their entities are its
 * children), and moves shards when the nodes that host the type change.
 *
 * <p>Ownership: the owner of a shard is the node that rendezvous hashing picks among the live hosts (for a singleton:
 * the node that holds it, while it lives). A node runs a shard only while it holds the shard's lease, an entry of the
 * cluster manager's shared map taken with {@code putIfAbsent}, and its right to host ({@code Ownership}): a new owner
 * buffers the shard's messages until the old one has stopped its entities and removed its entry, or until a quorum
 * confirmed the old one gone and its right to host ran out ({@link LeaseRequests}).
 */
final class ShardRegion extends Actor {

  private static final System.Logger LOG = System.getLogger("actors.sharding");
  private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

  private final RegionSettings settings;
  private final SystemServices system;
  private final RemoteProvider provider;
  private final String nodeId;
  private final Promise<Void> started;
  private final ShardTable shards;
  private final Map<String, ActorRef> regions = new HashMap<>();
  private final OwnerView view;
  private String downReason; // why this node may not host now; null while it may
  private TypeDirectory directory;
  private LeaseRequests leases; // with the directory
  private boolean announced;
  private final HostJoins joins = new HostJoins();
  private boolean hosting;
  private Promise<Void> leaving; // completed once this node left the type's hosts and handed its shards off
  private RegionTriggers triggers;
  private boolean reading, readAgain; // a read of the view is on its way; another is due after it
  private final Waiting waiting;
  private Lanes lanes; // parked messages and changes of way: each shard's messages in line
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
    this.hosting = settings.hosting();
  }

  @Override
  public void preStart() {
    ActorRef me = self();
    entities = new Entities(context(), settings, system, waiting, barrier -> regionAt(barrier.origin()).tell(barrier.passed()));
    lanes = new Lanes(settings.numberOfShards(), nodeId, provider, waiting, context().timers(),
        settings.options().getHandOffTimeout().multipliedBy(2), (node, barrier) -> regionAt(node).tell(barrier.toEnvelope()));
    triggers = new RegionTriggers(provider, context().vertx().eventBus(), settings.topic(system.name()), me);
    context().timers().startTimerWithFixedDelay(Tick.REFRESH, Tick.REFRESH, REFRESH_INTERVAL);
    entities.startPassivationTicks(context().timers(), Tick.PASSIVATE);
    TypeDirectory.open(context().vertx(), settings.mapPrefix(system.name()), provider.signedEntries())
        .compose(open -> hosting ? open.addHost(nodeId).map(open) : Future.succeededFuture(open))
        .onSuccess(open -> me.tell(new DirectoryOpen(open)))
        .onFailure(started::tryFail);
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof EntityEnvelope envelope && Barrier.carriedBy(envelope)) {
      controlMessage(envelope.message());
    } else if (message instanceof EntityEnvelope envelope) {
      Waiting.Held item = Waiting.Held.message(envelope, sender(), envelope.hops() == 0);
      route(item.shard(view.numberOfShards()), item);
    } else if (message instanceof LeaseAnswer answer) {
      leaseAnswered(answer);
    } else if (message instanceof Terminated terminated) {
      entityStopped(terminated.actor());
    } else if (message == Tick.REFRESH || message == Tick.OWNERSHIP) {
      if (checkOwnership()) {
        readView();
      }
    } else if (message == Tick.PASSIVATE) {
      entities.passivateIdle(shards.all());
    } else if (message == actors.sharding.Passivate.INSTANCE) {
      entities.passivate(sender(), shards);
    } else if (message instanceof ViewRead read) {
      viewRead(read);
    } else if (message instanceof JsonObject json) {
      controlMessage(json);
    } else if (message instanceof FlushTimedOut timedOut) {
      reroute(lanes.timedOut(timedOut, settings.typeName()));
    } else if (message instanceof RetryLease retry) {
      leases.retry(shards.get(retry.shard()));
    } else if (message instanceof ReleaseDone done) {
      released(done);
    } else if (message instanceof UnusedReleased done) {
      leases.unusedReleased(done, shards.get(done.shard()));
    } else if (message instanceof HandOffTimedOut timedOut) {
      handOffTimedOut(timedOut.shard());
    } else if (message instanceof DirectoryOpen open) {
      directory = open.directory();
      leases = new LeaseRequests(directory, provider.ownership(), nodeId, self(), context().timers(),
          "[" + system.name() + "] " + settings.typeName());
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

  /** What another region sends ({@link RegionControl}). */
  private void controlMessage(Object message) {
    Object control = message instanceof JsonObject json ? RegionControl.read(json, settings.numberOfShards()) : null;
    if (control instanceof Barrier barrier) {
      route(barrier.shard(), Waiting.Held.of(barrier));
    } else if (control instanceof Barrier.Passed passed) {
      reroute(lanes.passed(passed.shard(), passed.seq()));
    } else if (control instanceof RegionControl.Released released
        && provider.isMember(RegionControl.nodeOf(system, sender()))) {
      Optional.ofNullable(leases).ifPresent(open -> open.retry(shards.get(released.shard()))); // none asked before
    } else if (control instanceof RegionControl.ReleaseUnused unused && leases != null && view.known()
        && provider.isMember(RegionControl.nodeOf(system, sender()))) {
      leases.releaseUnused(unused.shard(), shards.get(unused.shard()) == null && !nodeId.equals(view.ownerOf(unused.shard())), sender());
    } else if (control instanceof RegionControl.Joined joined && provider.isMember(joined.node())
        && joins.asked(joined.node(), sender(), RegionControl.nodeOf(system, sender()))) {
      joins.confirm(view, self());
      readView();
    } else {
      unhandled(message);
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
    directory.read(settings.sticky()).onComplete(read -> self().tell(new ViewRead(read.result())));
  }

  private void viewRead(ViewRead read) {
    reading = false;
    if (readAgain) {
      readAgain = false;
      readView();
    }
    if (read.snapshot() == null || downReason != null) {
      return; // The cluster manager did not answer (the next tick reads again), or this node stands down.
    }
    Set<String> hosts = read.snapshot().hosts();
    if (hosting && !hosts.contains(nodeId)) {
      directory.addHost(nodeId); // removed by the other side of a split, and not brought back by the merge
    }
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
      leases.request(shard);
    }
    shards.all().stream().filter(shard -> shard.state == Shard.State.ACQUIRING)
        .forEach(leases::retry);
    reroute(lanes.passedThroughLostNodes());
    reroute(lanes.unparkAll());
    joins.confirm(view, self());
    if (!announced) {
      // The start is over once every other live host has confirmed it sees this one.
      announced = true;
      (hosting ? HostJoins.announce(nodeId, view.hosts(), this::regionAt) : Future.succeededFuture())
          .onComplete(all -> started.tryComplete());
    }
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
    if (downReason != null) {
      waiting.refuse(item, "node " + nodeId + " may not host or reach " + settings.typeName() + " now: " + downReason);
      return;
    }
    Barrier barrier = item.barrier();
    if (barrier != null && barrier.origin().equals(nodeId)) {
      // This region's own barrier, back: what went the old way before it came back before it.
      reroute(lanes.passed(shardId, barrier.seq()));
      return;
    }
    if (lanes.holdIfFlushing(shardId, item)) {
      return;
    }
    String owner = view.known() && !lanes.anyParked(shardId) ? view.ownerOf(shardId) : null;
    Shard shard = shards.get(shardId);
    if (owner == null) {
      lanes.park(shardId, item);
    } else if (owner.equals(nodeId)) {
      if (!lanes.mayGo(shardId, nodeId, item)) {
        return;
      }
      if (shard == null) {
        shard = new Shard(shardId);
        shards.put(shard);
        leases.request(shard);
      }
      if (shard.state == Shard.State.ACTIVE) {
        entities.deliver(shard, item);
      } else {
        waiting.add(shard.buffer, item);
      }
    } else if (shard != null && shard.state != Shard.State.ACTIVE) {
      waiting.add(shard.buffer, item);
    } else if (item.hops() > 0 || !provider.isMember(owner)) {
      // The owner left, or the node that passed it on thinks this one owns it: one of the two
      // views is stale. It waits for the next view, read now; never bounced between the two.
      lanes.park(shardId, item);
      readView();
    } else if (lanes.mayGo(shardId, owner, item)) {
      regionAt(owner).tell(barrier == null ? item.envelope().passedOn() : barrier.passedOn().toEnvelope(), item.sender());
    }
  }

  private ActorRef regionAt(String node) {
    return regions.computeIfAbsent(node, id -> system.resolve(id + self().path()));
  }

  /** Routes again what waited, in the same order; what is still without an owner waits again. */
  private void reroute(ArrayDeque<Waiting.Held> queue) {
    for (Waiting.Held next : waiting.takeAll(queue)) {
      route(next.shard(view.numberOfShards()), next.rerouted());
    }
  }

  // ---------------------------------------------------------------- entities, leases and hand-off

  private void entityStopped(ActorRef ref) {
    Shard shard = entities.stopped(ref, shards);
    if (shard != null && shard.state == Shard.State.HANDING_OFF && shard.entities.isEmpty()) {
      release(shard);
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
    boolean live = answer.failure() == null && provider.isMember(answer.holder()); // else the request failed, logged
    if (answer.failure() == null && !live && leases.takeFrom(shard, answer.holder())) {
      return; // Held by a node the cluster manager reports gone: taken when the quorum allows.
    } else if (live) {
      view.holder(shard.id, answer.holder()); // A singleton stays where it runs.
    }
    if (!nodeId.equals(view.ownerOf(shard.id))) {
      shards.remove(shard.id);
      reroute(shard.buffer);
    } else if (live) { // The holder hands it off and says so, or gives back a lease a split left it; the tick asks again.
      regionAt(answer.holder()).tell(new RegionControl.ReleaseUnused(shard.id).toJson(), self());
    }
  }

  private void activate(Shard shard) {
    shard.state = Shard.State.ACTIVE;
    if (settings.sticky()) {
      entities.start(shard, settings.typeName());
    }
    for (Waiting.Held next : waiting.takeAll(shard.buffer)) {
      entities.deliver(shard, next);
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
      LOG.log(System.Logger.Level.WARNING, () -> "[" + system.name() + "] the entities of shard " + shard.id + " of " + settings.typeName()
          + " did not stop within " + settings.options().getHandOffTimeout().toMillis() + " ms of its hand-off: stopping them at once");
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
    if (!done.succeeded()) { // the lease must go, or the new owner waits for this node to die: again in a moment
      context().timers().startSingleTimer(new HandOffTimedOut(shard.id), new HandOffTimedOut(shard.id), REFRESH_INTERVAL);
      return;
    }
    shards.remove(shard.id);
    view.holder(shard.id, null);
    String owner = view.ownerOf(shard.id);
    if (owner != null && !owner.equals(nodeId) && provider.isMember(owner)) {
      regionAt(owner).tell(new RegionControl.Released(shard.id).toJson(), self());
    }
    reroute(shard.buffer);
  }

  /** Follows this node's right to host: losing it stops every entity here at once and refuses what comes (asks fail at once). */
  private boolean checkOwnership() {
    String reason = provider.ownership().downReason();
    if (reason != null && downReason == null) {
      dropShards("node " + nodeId + " stood down: " + reason, true);
    }
    downReason = reason;
    return reason == null;
  }

  /** Every shard goes: its lease given back, what it holds dead letters for {@code why}; standing down stops its entities at once. */
  private void dropShards(String why, boolean standDown) {
    for (Shard shard : shards.all()) {
      if (shard.state != Shard.State.ACQUIRING || shard.leaseRequested) {
        directory.release(shard.id, nodeId);
      }
      shard.dropAll(waiting, why);
      if (standDown) {
        shard.entities.values().forEach(entity -> context().stop(entity.ref));
        shards.remove(shard.id);
        view.holder(shard.id, null);
      }
    }
    lanes.dropAll(why);
  }

  @Override
  public void postStop() {
    Optional.ofNullable(triggers).ifPresent(RegionTriggers::remove);
    dropShards(waiting.stopped(), false);
    if (directory != null && hosting) {
      directory.removeHost(nodeId).onComplete(removed ->
          system.vertx().eventBus().publish(settings.topic(system.name()), nodeId));
    }
    started.tryFail("the region of " + settings.typeName() + " stopped before it started");
  }
}
