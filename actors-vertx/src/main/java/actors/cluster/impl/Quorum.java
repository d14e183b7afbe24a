package actors.cluster.impl;

import actors.cluster.PartitionOptions;
import actors.cluster.PartitionStrategy;
import actors.internal.Fingerprint;
import actors.internal.Ownership;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * This node's right to host ({@link Ownership}), as the rounds of {@link QuorumActor} renew
 * it: written by that actor only, read from any thread. It also holds the members this node
 * counts and which of them a quorum confirmed gone, and when, and the view of the members in
 * which a quorum was last reached ({@link #mayAcquire}).
 */
final class Quorum implements Ownership {

  private static final System.Logger LOG = System.getLogger("actors.cluster");

  final PartitionOptions options;
  final String nodeId;
  private final String systemName;
  private final long leaseNanos;
  private final long stopMarginNanos;
  private final long takeOverWaitNanos;
  // Until then (System.nanoTime) this node may host; 0 before the first round reached a quorum.
  private volatile long validUntil;
  // The start of the last round that reached a quorum, and the digest of the members it saw listed.
  private volatile long quorumStart;
  private volatile long quorumView;
  private volatile Supplier<Set<String>> listed = Set::of;
  private volatile boolean down = true;
  // Null until the right first lapses: before the first round reached a quorum the node waits, it is not down.
  private volatile String downReason;
  // Set when the system terminates: only then does the quorum's actor tell the others this node leaves.
  private volatile boolean leaving;
  /** Nodes a quorum confirmed gone, with when (nanoTime) the confirmation came. */
  final Map<String, Long> confirmedGone = new ConcurrentHashMap<>();
  /** Nodes whose take-over was asked for and which no quorum confirmed gone yet. */
  final Set<String> toConfirm = ConcurrentHashMap.newKeySet();
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

  Quorum(String systemName, String nodeId, PartitionOptions options) {
    this.systemName = systemName;
    this.nodeId = nodeId;
    this.options = new PartitionOptions(options).validate();
    this.leaseNanos = options.getLeaseTime().toNanos();
    this.stopMarginNanos = options.getStopMargin().toNanos();
    this.takeOverWaitNanos = (long) (leaseNanos * (1 + PartitionOptions.CLOCK_RATE_MARGIN));
  }

  @Override
  public boolean mayHost() {
    return !down && System.nanoTime() - (validUntil - stopMarginNanos) < 0;
  }

  @Override
  public boolean mayAcquire() {
    if (!mayHost()) {
      return false;
    }
    try {
      return digest(listed.get()) == quorumView;
    } catch (RuntimeException e) {
      return false; // the cluster manager cannot list the members: its own round stands this node down
    }
  }

  @Override
  public String downReason() {
    return mayHost() ? null : downReason;
  }

  @Override
  public long takeOverDelayMillis(String gone) {
    if (!mayHost()) {
      return -1;
    }
    if (!mayAcquire()) {
      return Math.max(1, options.getRenewInterval().toMillis()); // once a round in this view reached a quorum
    }
    Long confirmed = confirmedGone.get(gone);
    if (confirmed == null) {
      toConfirm.add(gone);
      return Math.max(1, options.getRenewInterval().toMillis());
    }
    long left = confirmed + takeOverWaitNanos - System.nanoTime();
    return left <= 0 ? 0 : Math.max(1, left / 1_000_000);
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  /** How the members the cluster manager lists now are read (by {@link #mayAcquire}). */
  void listedBy(Supplier<Set<String>> listing) {
    this.listed = listing;
  }

  /**
   * A round started at {@code startNanos}, when the cluster manager listed the members whose
   * {@link #digest} is {@code view}, reached a quorum: the right lasts until its start plus the lease time.
   */
  void renewed(long startNanos, long view) {
    long until = startNanos + leaseNanos;
    if (until - validUntil > 0) {
      validUntil = until;
    }
    if (quorumStart == 0 || startNanos - quorumStart >= 0) {
      quorumView = view;
      quorumStart = startNanos;
    }
    if (down && mayHostAt(System.nanoTime())) {
      down = false;
      LOG.log(System.Logger.Level.INFO, () -> "[" + systemName + "] node " + nodeId + " hears a quorum of the members ("
          + options.getStrategy() + "): it hosts shards and singletons");
      listeners.forEach(Runnable::run);
    }
  }

  /** Nanoseconds from {@code now} until this node must stop hosting (negative when past). */
  long untilStop(long now) {
    return validUntil - stopMarginNanos - now;
  }

  /** The right ran out (checked at the stop margin before its end): this node stops hosting. */
  void lapsed(String reason) {
    downReason = reason;
    if (!down && !mayHostAt(System.nanoTime())) {
      down = true;
      LOG.log(System.Logger.Level.WARNING, () -> "[" + systemName + "] node " + nodeId + " stops hosting shards and "
          + "singletons: " + reason);
      listeners.forEach(Runnable::run);
    }
  }

  /**
   * Nothing renews the right any more (the quorum's actor stopped, and the system is not
   * terminating): this node stops hosting now rather than at the right's end, which no timer
   * would mark.
   */
  void stop(String reason) {
    downReason = reason;
    if (!down) {
      down = true;
      LOG.log(System.Logger.Level.ERROR, () -> "[" + systemName + "] node " + nodeId + " stops hosting shards and "
          + "singletons: " + reason);
      listeners.forEach(Runnable::run);
    }
  }

  /** Whether this node has not hosted yet or stopped hosting (as opposed to hosting, its right maybe running out). */
  boolean isDown() {
    return down;
  }

  /** The system terminates: its node leaves the cluster. */
  void leave() {
    leaving = true;
  }

  /** Whether the system terminates, so that this node leaves rather than failed. */
  boolean isLeaving() {
    return leaving;
  }

  /** The nodes {@code listed}, as one number: equal between nodes whose cluster manager lists the same. */
  static long digest(Set<String> listed) {
    String[] sorted = listed.toArray(String[]::new);
    java.util.Arrays.sort(sorted);
    return Fingerprint.of(String.join(",", sorted));
  }

  private boolean mayHostAt(long now) {
    return now - (validUntil - stopMarginNanos) < 0;
  }

  /**
   * Whether {@code heard} (nodes that answered a round, this one included) is a quorum of
   * {@code members} under the strategy; {@code starts} gives the members' start times, for
   * keep-oldest.
   */
  boolean isQuorum(Collection<String> heard, Collection<String> members, Map<String, Long> starts) {
    long counted = heard.stream().filter(members::contains).count();
    int size = members.size();
    PartitionStrategy strategy = options.getStrategy();
    return switch (strategy) {
      case KEEP_MAJORITY -> 2 * counted > size
          || 2 * counted == size && heard.contains(members.stream().min(String::compareTo).orElseThrow());
      case STATIC_QUORUM -> counted >= options.getQuorumSize();
      case KEEP_OLDEST -> heard.contains(oldest(members, starts));
      case DOWN_ALL -> counted == size;
    };
  }

  /** What the strategy needs, for the reason a node gives when it stops hosting. */
  String needs(int members) {
    return switch (options.getStrategy()) {
      case KEEP_MAJORITY -> "keep-majority needs " + (members / 2 + 1) + " (or half with the lowest node id)";
      case STATIC_QUORUM -> "static-quorum needs " + options.getQuorumSize();
      case KEEP_OLDEST -> "keep-oldest needs the oldest member";
      case DOWN_ALL -> "down-all needs all " + members;
    };
  }

  private static String oldest(Collection<String> members, Map<String, Long> starts) {
    String oldest = null;
    long start = Long.MAX_VALUE;
    for (String member : members) {
      long at = starts.getOrDefault(member, Long.MAX_VALUE);
      if (oldest == null || at < start || at == start && member.compareTo(oldest) < 0) {
        oldest = member;
        start = at;
      }
    }
    return oldest;
  }
}
