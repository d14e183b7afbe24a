package actors.internal;

/**
 * This node's right to host shards and singletons ({@code PartitionOptions}): held while
 * rounds of asking the members reach a quorum, lost within the stop margin of its end. One
 * per clustered system; a system that is not clustered always holds it.
 */
public interface Ownership {

  /** A node alone: it always hosts, and any holder it is asked about is gone for good. */
  Ownership ALONE = new Ownership() {
    @Override
    public boolean mayHost() {
      return true;
    }

    @Override
    public boolean mayAcquire() {
      return true;
    }

    @Override
    public String downReason() {
      return null;
    }

    @Override
    public long takeOverDelayMillis(String gone) {
      return 0;
    }

    @Override
    public void onChange(Runnable listener) {
    }

    @Override
    public void removeListener(Runnable listener) {
    }
  };

  /** Whether this node may run shards and singletons now. Cheap: any thread. */
  boolean mayHost();

  /**
   * Whether this node may take a lease now: it may host, and the last round that reached a
   * quorum saw the members the cluster manager lists now. After a change of membership (a split,
   * where each side's copy of the leases may lack the other side's) only a round in the new view
   * lets it take more; what it runs already runs on while it may host. Any thread.
   */
  boolean mayAcquire();

  /** Why this node may not host now (which members it hears, what the strategy needs), or null while it may. */
  String downReason();

  /**
   * How long, in milliseconds, before what {@code gone} (a node the cluster manager no longer
   * lists) held may be taken over: 0 once a quorum confirmed it gone and its right to host has
   * surely ended, else a wait after which to ask again (confirmation is asked for by this call).
   * Negative while this node itself may not host.
   */
  long takeOverDelayMillis(String gone);

  /** {@code listener} runs, on any thread, when {@link #mayHost()} or a pending take-over changes. */
  void onChange(Runnable listener);

  /** {@code listener} no longer runs. */
  void removeListener(Runnable listener);
}
