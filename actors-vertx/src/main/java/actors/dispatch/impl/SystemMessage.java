package actors.dispatch.impl;

/**
 * A message of the system channel (lifecycle, supervision, death watch): the cell defines the
 * kinds. They go on a queue of their own in the {@link Mailbox} and are always processed before
 * user messages, even while the actor is suspended; that is what makes restart and stop
 * deterministic.
 */
public abstract class SystemMessage {

  /** Link in the mailbox's system stack; written before the message is published. */
  SystemMessage next;

  protected SystemMessage() {
  }
}
