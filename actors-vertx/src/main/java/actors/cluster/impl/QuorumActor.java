package actors.cluster.impl;

import actors.Actor;
import actors.ActorRef;
import actors.Props;
import actors.internal.SystemServices;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Renews this node's {@link Quorum}: every renew interval it asks every member it counts
 * whether it hears it, and which of the nodes waiting for confirmation it sees gone. A round
 * answered by a quorum renews the right to host; a node confirmed gone by a quorum leaves the
 * count. It answers the other nodes' rounds: only those of nodes its cluster manager lists, and
 * only when both list the same nodes. When the cluster manager splits into clusters of its own
 * (Hazelcast's split brain), each with its own copy of the shard leases, a node of one cluster
 * never vouches for a node of another, so at most one of them can count a quorum; while views
 * differ for a moment (a join, a leave), rounds go unanswered and the right to host is renewed
 * by the next round that finds them equal.
 * It counts only the nodes that run this system ({@link SystemNodes}): a listed node is counted
 * from the moment it appears until its entry is read, and left out if it has none and was
 * never heard; a round from it, sealed with the secret, proves it runs the system.
 */
final class QuorumActor extends Actor {

  /** Its name under the system's top level, on every node. */
  static final String NAME = "$quorum";
  private static final String ROUND = "round";
  private static final String LAPSE = "lapse";
  private static final String MEMBERS = "members";
  private static final int ROUNDS_KEPT = 4;
  private static final System.Logger LOG = System.getLogger("actors.cluster");

  private record Checked(String node, Boolean runsThisSystem) {
  }

  private record Round(long number, long start, long view, Set<String> heard, List<String> gone,
                       Map<String, Set<String>> confirmed) {
  }

  private final Quorum quorum;
  private final ClusterTransport transport;
  private final Supplier<Set<String>> clusterNodes;
  private final SystemNodes systemNodes;
  private final long startMillis = System.currentTimeMillis();
  private final Set<String> members = new TreeSet<>();
  // Nodes that said they leave, kept out of the count while the cluster manager still lists them.
  private final Set<String> leaving = new HashSet<>();
  private final Map<String, Long> starts = new HashMap<>();
  // Nodes ever known to run this system (an entry or a round of theirs): never judged outsiders (a split may lose an entry).
  private final Set<String> known = new HashSet<>();
  // Nodes whose entry is being read.
  private final Set<String> checking = new HashSet<>();
  // Listed nodes without an entry, never heard: other applications or systems on the same cluster.
  private final Set<String> outsiders = new HashSet<>();
  private final Round[] rounds = new Round[ROUNDS_KEPT];
  private long roundNumber;
  private long view; // a digest of the nodes the cluster manager listed at the last read
  private Runnable membershipListener;

  QuorumActor(Quorum quorum, ClusterTransport transport, Supplier<Set<String>> clusterNodes, SystemNodes systemNodes) {
    this.quorum = quorum;
    this.transport = transport;
    this.clusterNodes = clusterNodes;
    this.systemNodes = systemNodes;
  }

  /** Starts the actor of {@code quorum} under {@code system}'s top level. */
  static void start(SystemServices system, Quorum quorum, ClusterTransport transport, VertxInternal vertx) {
    ClusterManager clusterManager = vertx.clusterManager();
    Supplier<Set<String>> listed = () -> new HashSet<>(clusterManager.getNodes());
    quorum.listedBy(listed);
    system.systemActorOf(Props.create(QuorumActor.class, () -> new QuorumActor(quorum, transport, listed,
        new SystemNodes(vertx, system.name(), transport.signedEntries(), quorum.nodeId))), NAME);
  }

  @Override
  public void preStart() {
    ActorRef me = self();
    membershipListener = () -> me.tell(MEMBERS);
    transport.onMembershipChange(membershipListener);
    starts.put(quorum.nodeId, startMillis);
    register();
    readMembers();
    context().timers().startTimerWithFixedDelay(ROUND, ROUND, quorum.options.getRenewInterval());
    if (!quorum.isDown()) { // restarted: mark the end of the right the failed instance renewed, renewed on or not
      context().timers().startSingleTimer(LAPSE, LAPSE, Duration.ofNanos(Math.max(quorum.untilStop(System.nanoTime()), 0) + 1_000_000));
    }
    startRound();
  }

  @Override
  protected void receive(Object message) {
    if (message == ROUND) {
      startRound();
    } else if (message == LAPSE) {
      checkLapse();
    } else if (message == MEMBERS) {
      register();
      outsiders.forEach(this::check);
      readMembers();
    } else if (message instanceof Checked checked) {
      checked(checked);
    } else if (message instanceof JsonObject json && sender() instanceof RemoteActorRef from
        && transport.isMember(from.nodeId)) {
      switch (json.getString("q", "")) {
        case "ping" -> answer(json, from);
        case "pong" -> answered(json, from.nodeId);
        case "leaving" -> {
          leaving.add(from.nodeId);
          members.remove(from.nodeId);
          evaluateAll();
        }
        default -> unhandled(message);
      }
    } else {
      unhandled(message);
    }
  }

  /**
   * Reads the members the cluster manager lists; false when it fails (its instance shut down,
   * say), and then this node stops hosting until a read succeeds and a round renews the right.
   */
  private boolean readMembers() {
    Set<String> listed;
    try {
      listed = clusterNodes.get();
    } catch (RuntimeException e) {
      quorum.stop("its cluster manager fails to list the members: " + e);
      return false;
    }
    view = Quorum.digest(listed);
    leaving.retainAll(listed);
    outsiders.retainAll(listed);
    for (String node : listed) {
      if (!leaving.contains(node) && !outsiders.contains(node) && members.add(node)) {
        quorum.confirmedGone.remove(node);
      }
      quorum.toConfirm.remove(node);
    }
    for (String member : members) {
      if (!listed.contains(member) && !member.equals(quorum.nodeId)) {
        quorum.toConfirm.add(member);
      }
    }
    members.add(quorum.nodeId);
    known.add(quorum.nodeId);
    for (String member : members) {
      if (!known.contains(member)) {
        check(member);
      }
    }
    return true;
  }

  /** Writes this node's entry (again: a merge may have lost it). */
  private void register() {
    systemNodes.register(startMillis).onFailure(e -> LOG.log(System.Logger.Level.WARNING, () -> "[" + context().system().name()
        + "] node " + quorum.nodeId + " could not write its entry in the cluster manager's map; it writes it again on "
        + "the next change of membership", e));
  }

  /** Reads whether {@code node} runs this system, once at a time; the answer comes as a {@link Checked}. */
  private void check(String node) {
    if (checking.add(node)) {
      ActorRef me = self();
      systemNodes.runsThisSystem(node).onComplete(read -> me.tell(new Checked(node, read.succeeded() ? read.result() : null)));
    }
  }

  private void checked(Checked checked) {
    String node = checked.node();
    checking.remove(node);
    if (checked.runsThisSystem() == null || known.contains(node)) {
      return; // unread: the next round reads again; or known meanwhile
    }
    if (checked.runsThisSystem()) {
      known.add(node);
    } else if (members.remove(node)) {
      outsiders.add(node);
      quorum.toConfirm.remove(node);
      LOG.log(System.Logger.Level.DEBUG, () -> "[" + context().system().name() + "] node " + node + " runs no system "
          + context().system().name() + " with this cluster's secret: the quorum does not count it");
      evaluateAll();
    }
  }

  /** {@code node} answered or asked in a round, sealed as the transport requires: it runs this system. */
  private void heard(String node) {
    if (outsiders.remove(node) && !leaving.contains(node)) {
      members.add(node);
    }
    known.add(node);
  }

  private void startRound() {
    if (!readMembers()) {
      return;
    }
    List<String> gone = new ArrayList<>(quorum.toConfirm);
    Round round = new Round(++roundNumber, System.nanoTime(), view, new HashSet<>(Set.of(quorum.nodeId)), gone, new HashMap<>());
    rounds[(int) (round.number % ROUNDS_KEPT)] = round;
    JsonObject ping = new JsonObject().put("q", "ping").put("round", round.number).put("start", startMillis)
        .put("view", view).put("gone", new JsonArray(gone));
    for (String member : members) {
      if (!member.equals(quorum.nodeId) && transport.isMember(member)) {
        transport.resolve(member, self().path()).tell(ping, self());
      }
    }
    evaluate(round);
  }

  private void answer(JsonObject ping, RemoteActorRef from) {
    long listedNow;
    try {
      listedNow = Quorum.digest(clusterNodes.get());
    } catch (RuntimeException e) {
      return; // its own round stands this node down
    }
    if (ping.getLong("view", 0L) != listedNow) {
      return; // another view of the members: perhaps another cluster after a split, which it must not vouch for
    }
    heard(from.nodeId);
    starts.put(from.nodeId, ping.getLong("start", Long.MAX_VALUE));
    JsonArray seenGone = new JsonArray();
    for (Object node : ping.getJsonArray("gone", new JsonArray())) {
      if (node instanceof String id && !transport.isMember(id)) {
        seenGone.add(id);
      }
    }
    from.tell(new JsonObject().put("q", "pong").put("round", ping.getLong("round")).put("start", startMillis)
        .put("gone", seenGone), self());
  }

  private void answered(JsonObject pong, String from) {
    heard(from);
    starts.put(from, pong.getLong("start", Long.MAX_VALUE));
    long number = pong.getLong("round", -1L);
    Round round = number <= 0 ? null : rounds[(int) (number % ROUNDS_KEPT)];
    if (round == null || round.number != number) {
      return; // an answer to a round too old to count
    }
    round.heard.add(from);
    for (Object node : pong.getJsonArray("gone", new JsonArray())) {
      if (node instanceof String id && round.gone.contains(id)) {
        round.confirmed.computeIfAbsent(id, any -> new HashSet<>()).add(from);
      }
    }
    evaluate(round);
  }

  private void evaluateAll() {
    for (Round round : rounds) {
      if (round != null) {
        evaluate(round);
      }
    }
  }

  private void evaluate(Round round) {
    if (quorum.isQuorum(round.heard, members, starts)) {
      quorum.renewed(round.start, round.view);
      if (!context().timers().isTimerActive(LAPSE)) { // else it checks when it fires, and waits on if renewed
        long untilStop = quorum.untilStop(System.nanoTime());
        context().timers().startSingleTimer(LAPSE, LAPSE, Duration.ofNanos(Math.max(untilStop, 0) + 1_000_000));
      }
    }
    for (String gone : round.gone) {
      Set<String> confirmers = new HashSet<>(round.confirmed.getOrDefault(gone, Set.of()));
      if (!transport.isMember(gone)) {
        confirmers.add(quorum.nodeId);
      }
      if (!quorum.confirmedGone.containsKey(gone) && quorum.isQuorum(confirmers, members, starts)) {
        quorum.confirmedGone.put(gone, System.nanoTime());
        quorum.toConfirm.remove(gone);
        members.remove(gone);
        LOG.log(System.Logger.Level.INFO, () -> "[" + context().system().name() + "] a quorum confirmed node " + gone
            + " gone: what it held may be taken over " + quorum.options.getLeaseTime().toMillis() * 11 / 10 + " ms from now");
      }
    }
  }

  private void checkLapse() {
    long untilStop = quorum.untilStop(System.nanoTime());
    if (untilStop > 0) {
      context().timers().startSingleTimer(LAPSE, LAPSE, Duration.ofNanos(untilStop + 1_000_000));
      return;
    }
    Round last = rounds[(int) ((roundNumber + ROUNDS_KEPT - 1) % ROUNDS_KEPT)];
    Set<String> heard = last == null ? Set.of(quorum.nodeId) : last.heard;
    quorum.lapsed("it hears " + heard.size() + " of the " + members.size() + " members it counts " + new TreeSet<>(heard)
        + " of " + members + "; " + quorum.needs(members.size()));
  }

  /** A failed instance says nothing to the others: this node does not leave, its next instance renews on. */
  @Override
  public void preRestart(Throwable reason, Object message) {
    transport.removeMembershipListener(membershipListener);
  }

  /**
   * When the system terminates, tells the others this node leaves, so that they stop counting
   * it at once; stopped otherwise (it failed again on restart), this node stops hosting, since
   * nothing renews its right any more.
   */
  @Override
  public void postStop() {
    transport.removeMembershipListener(membershipListener);
    if (!quorum.isLeaving()) {
      quorum.stop("the actor that renews its right to host (" + self().path() + ") stopped");
      return;
    }
    systemNodes.forget(quorum.nodeId);
    JsonObject leaving = new JsonObject().put("q", "leaving");
    for (String member : members) {
      if (!member.equals(quorum.nodeId) && transport.isMember(member)) {
        transport.resolve(member, self().path()).tell(leaving, self());
      }
    }
  }
}
