package actors.cluster;

/**
 * The node of a remote actor left the cluster or is not in it: a pending ask to it fails with
 * this as soon as the cluster manager reports the node gone, not after the ask's timeout.
 */
public class ActorUnreachableException extends RuntimeException {

  /** Creates the exception with its message, which names the actor and its node. */
  public ActorUnreachableException(String message) {
    super(message);
  }
}
