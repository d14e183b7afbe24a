package actors.sharding.impl;

import actors.ActorRef;

/** What a {@link ShardRegion} sends itself: its timers' ticks, and the answers of the cluster manager. */
final class RegionMessages {

  private RegionMessages() {
  }

  enum Tick { REFRESH, PASSIVATE, OWNERSHIP }

  record DirectoryOpen(TypeDirectory directory) {
  }

  /** A snapshot of the directory, or null when the cluster manager did not answer. */
  record ViewRead(TypeDirectory.Snapshot snapshot) {
  }

  /** The lease of {@code shard} was taken (holder null), is held by {@code holder}, or the request failed. */
  record LeaseAnswer(int shard, String holder, Throwable failure) {
  }

  record RetryLease(int shard) {
  }

  record ReleaseDone(int shard, boolean succeeded) {
  }

  /** A lease this node held without running its shard was given back ({@code removed}), as {@code asker} asked. */
  record UnusedReleased(int shard, boolean removed, ActorRef asker) {
  }

  record HandOffTimedOut(int shard) {
  }

  /** Barrier {@code seq} of {@code shard} did not pass in time: its messages go on. */
  record FlushTimedOut(int shard, long seq) {
  }

  /** The node stops hosting the type; {@code done} completes once its shards are handed off. */
  record Leave(io.vertx.core.Promise<Void> done) {
  }
}
