package actors.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which side of a split cluster keeps hosting shards and singletons ({@link PartitionOptions}).
 * The members counted are those this node knows, including the ones it cannot hear, until a
 * quorum confirmed them gone; a node that loses stops hosting and comes back once it hears a
 * quorum again (after the split heals).
 */
public enum PartitionStrategy {

  /** The side that hears more than half the members; on an even split, the side with the lowest node id. */
  KEEP_MAJORITY,
  /** The side that hears at least {@link PartitionOptions#getQuorumSize()} members. */
  STATIC_QUORUM,
  /** The side that hears the oldest member (the one that started first): a split can leave one node alone in charge. */
  KEEP_OLDEST,
  /** Only a node that hears every member: any split or unconfirmed loss stops hosting everywhere. */
  DOWN_ALL;

  /**
   * The strategy named {@code name}, as its constant ({@code KEEP_MAJORITY}) or in Pekko's
   * spelling ({@code keep-majority}), case aside.
   *
   * @throws IllegalArgumentException naming the unknown name and the known ones
   */
  public static PartitionStrategy of(String name) {
    for (PartitionStrategy strategy : values()) {
      if (strategy.name().equalsIgnoreCase(name) || strategy.pekkoName().equalsIgnoreCase(name)) {
        return strategy;
      }
    }
    throw new IllegalArgumentException("unknown partition strategy '" + name + "'; one of "
        + Arrays.stream(values()).map(PartitionStrategy::pekkoName).collect(Collectors.joining(", ")));
  }

  private String pekkoName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
