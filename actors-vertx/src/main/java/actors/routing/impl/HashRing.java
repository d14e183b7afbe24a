package actors.routing.impl;

import actors.ActorRef;

import java.util.Arrays;

/**
 * A consistent-hash ring: each routee owns {@value #POINTS_PER_ROUTEE} points, and a key goes to
 * the owner of the first point at or after its hash. Adding or removing a routee moves only the
 * keys of its own points. Immutable.
 */
final class HashRing {

  private static final int POINTS_PER_ROUTEE = 32;

  private final int[] points;
  private final ActorRef[] owners;

  HashRing(ActorRef[] routees) {
    long[] packed = new long[routees.length * POINTS_PER_ROUTEE];
    int n = 0;
    for (int r = 0; r < routees.length; r++) {
      for (int p = 0; p < POINTS_PER_ROUTEE; p++) {
        int hash = mix(routees[r].path().hashCode() * 31 + p);
        // Sort by hash, remembering the owner in the low bits.
        packed[n++] = ((long) hash << 32) | r;
      }
    }
    Arrays.sort(packed);
    points = new int[n];
    owners = new ActorRef[n];
    for (int i = 0; i < n; i++) {
      points[i] = (int) (packed[i] >> 32);
      owners[i] = routees[(int) packed[i]];
    }
  }

  ActorRef owner(Object key) {
    int index = Arrays.binarySearch(points, mix(key.hashCode()));
    if (index < 0) {
      index = -index - 1;
    }
    return owners[index == points.length ? 0 : index];
  }

  /** Spreads a hash code's bits (the finaliser of MurmurHash3). */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
