package actors.cluster.impl;

import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What a receiver knows of one sender node's incarnations (the runs of its system): the last
 * {@value #LIVE}, each with its key and replay window, and the ids of the {@value #RETIRED}
 * before them, whose batches are refused outright: a retired incarnation sends nothing any more,
 * so a batch of it is a replay. Touched only on that sender's decoder.
 */
final class SenderIncarnations {

  static final int LIVE = 4;
  static final int RETIRED = 64;

  /** A sender incarnation seen here: its key and the numbers it used. */
  record Incarnation(int keyId, byte[] id, SecretKeySpec key, ReplayWindow window) {
  }

  private final ArrayDeque<Incarnation> live = new ArrayDeque<>(LIVE);
  private final ArrayDeque<byte[]> retired = new ArrayDeque<>();

  /** The live incarnation {@code id} under key {@code keyId}, or null. */
  Incarnation find(int keyId, byte[] id) {
    for (Incarnation incarnation : live) {
      if (incarnation.keyId() == keyId && Arrays.equals(incarnation.id(), id)) {
        return incarnation;
      }
    }
    return null;
  }

  /** Whether {@code id} is one of the incarnations pushed out by newer ones. */
  boolean isRetired(byte[] id) {
    for (byte[] old : retired) {
      if (Arrays.equals(old, id)) {
        return true;
      }
    }
    return false;
  }

  /** Adds a new incarnation; the oldest live one retires if there are {@value #LIVE} already. */
  void add(Incarnation incarnation) {
    if (live.size() == LIVE) {
      if (retired.size() == RETIRED) {
        retired.removeFirst();
      }
      retired.addLast(live.removeFirst().id());
    }
    live.addLast(incarnation);
  }
}
