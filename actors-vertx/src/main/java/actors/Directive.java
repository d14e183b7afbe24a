package actors;

/** What a supervisor does with a child that failed. */
public enum Directive {
  /** Keep the instance and its state; go on with the next message. */
  RESUME,
  /**
   * Replace the instance with a new one from the actor's {@link Props}; the mailbox is kept,
   * only the failing message is lost.
   */
  RESTART,
  /** Stop the child and its children; watchers get {@link Terminated}. */
  STOP,
  /** Fail the supervisor itself with the same cause, passing the decision up the tree. */
  ESCALATE
}
