package actors.cluster;

/**
 * A failure that an actor on another node replied with ({@link actors.Status.Failure}): the
 * exception itself does not cross nodes, its type and message do.
 */
public class RemoteFailureException extends RuntimeException {

  private final String remoteType;

  /** Creates the exception for a remote failure of class {@code remoteType}. */
  public RemoteFailureException(String remoteType, String message) {
    super(remoteType + (message == null ? "" : ": " + message));
    this.remoteType = remoteType;
  }

  /** The class name of the exception the remote actor replied with. */
  public String remoteType() {
    return remoteType;
  }
}
