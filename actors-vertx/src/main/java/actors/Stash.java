package actors;

/**
 * Lets an actor set messages aside and take them back later, for example while it waits for a
 * connection: implement it on an {@link Actor} subclass.
 * <pre>{@code
 * class Client extends Actor implements Stash {
 *   protected void receive(Object message) {
 *     if (message == Connected.INSTANCE) {
 *       context().become(this::online);
 *       unstashAll();           // replayed in the order they were stashed, with their senders
 *     } else {
 *       stash();                // not connected yet: keep it for later
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Stashed messages go back to the front of the mailbox, ahead of what arrived since, in the
 * order they were stashed. When the actor restarts they are all returned to the mailbox front
 * (only the message that failed is lost, as always); when it stops they become dead letters.
 * Call these methods only from the actor's own code.
 */
public interface Stash {

  /**
   * Sets the message being processed aside, with its sender. A stashed {@code Terminated} is
   * delivered again once unstashed, unless the actor unwatches that actor first.
   *
   * @throws StashOverflowException if the stash already holds {@link #stashCapacity()}
   *                                messages: a failure of the actor, for its supervisor
   * @throws IllegalStateException  if this message was stashed already (a message is stashed at
   *                                most once: a failure of the actor, as in Pekko), outside the
   *                                processing of a message, or if this object is not an actor
   */
  default void stash() {
    Actor.stash(this, stashCapacity());
  }

  /**
   * Returns the oldest stashed message to the front of the mailbox; nothing if the stash is
   * empty.
   *
   * @throws IllegalStateException off the actor's context, or if this object is not an actor
   */
  default void unstash() {
    Actor.unstash(this, false);
  }

  /**
   * Returns every stashed message to the front of the mailbox, in the order they were stashed.
   *
   * @throws IllegalStateException off the actor's context, or if this object is not an actor
   */
  default void unstashAll() {
    Actor.unstash(this, true);
  }

  /** How many messages the stash may hold; unbounded unless overridden. */
  default int stashCapacity() {
    return Integer.MAX_VALUE;
  }
}
