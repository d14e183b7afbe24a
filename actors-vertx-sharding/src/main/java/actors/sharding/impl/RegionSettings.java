package actors.sharding.impl;

import actors.Props;
import actors.sharding.ShardingOptions;

import java.util.function.Function;

/**
 * What a region is: its type's name and actor name, how entities are made (null on a node that
 * only sends to them), its options, and whether ownership sticks to the node that holds it (a
 * singleton) or follows rendezvous hashing (sharded entities).
 */
record RegionSettings(String typeName, String regionName, Function<String, Props> entityProps,
                      ShardingOptions options, boolean sticky) {

  boolean hosting() {
    return entityProps != null;
  }

  int numberOfShards() {
    return options.getNumberOfShards();
  }

  /** The event-bus address where hosts of the type say that they came or went. */
  String topic(String systemName) {
    return mapPrefix(systemName) + ".changed";
  }

  /** The prefix of the cluster manager's maps of this type: its hosts and its shards' leases. */
  String mapPrefix(String systemName) {
    return "actors." + systemName + "." + regionName;
  }
}
