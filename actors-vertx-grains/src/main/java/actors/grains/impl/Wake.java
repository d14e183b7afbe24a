package actors.grains.impl;

import actors.cluster.ClusterMessage;

/** Starts the entity it is sent to, if it is not running: a reminder bucket, or a remembered grain. */
@ClusterMessage
record Wake() {
}
