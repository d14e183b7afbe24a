package actors;

import actors.internal.CellAccess;
import actors.internal.SharedSecrets;

import java.lang.invoke.MethodHandles;

/**
 * The base class of every actor: extend it and implement {@link #receive(Object)}.
 *
 * <p>An actor processes one message at a time, on the single Vert.x context it is bound to
 * for life, so its fields need no locks and its code may use any Vert.x API (timers, clients),
 * as a verticle would. It must never block that context's thread.
 *
 * <p>Instances are made by the system from {@link Props}, never with {@code new} elsewhere:
 * a constructor called outside {@code actorOf} (or a restart) throws
 * {@link IllegalStateException}.
 *
 * <p>Lifecycle: {@link #preStart()} runs before the first message; a failure is handled by the
 * parent's {@link SupervisorStrategy}; on restart the old instance gets
 * {@link #preRestart(Throwable, Object)} and a new one {@link #postRestart(Throwable)};
 * {@link #postStop()} runs exactly once per instance that started, after its children have
 * stopped. An instance has started when its {@code preStart} (or {@code postRestart}) returned:
 * one whose start hook threw gets neither {@code preRestart} nor {@code postStop}, and the
 * instance that replaces it starts afresh with {@code preStart}, its predecessor's children
 * stopped, as in Pekko.
 */
public abstract class Actor {

  static {
    // The cell calls receive through this one accessor: no method reference per instance.
    SharedSecrets.setActorAccess(MethodHandles.lookup(), Actor::receive);
  }

  /**
   * The cell's accessor, fetched with the first instance: by then the cell's class is
   * initialized, so the two classes never wait for each other's initialization.
   */
  private static final class Cells {
    static final CellAccess ACCESS = SharedSecrets.cellAccess(MethodHandles.lookup());
  }

  private final ActorContext cell;

  /**
   * Binds the new instance to the actor being created.
   *
   * @throws IllegalStateException when not called from a {@link Props} factory run by the system
   */
  protected Actor() {
    this.cell = Cells.ACCESS.bindNewInstance(this);
  }

  /**
   * Handles one message. Call {@link #unhandled(Object)} for a message you do not handle.
   * An exception thrown here fails the actor; exactly this message is lost.
   */
  protected abstract void receive(Object message) throws Exception;

  /** This actor's own reference. */
  protected final ActorRef self() {
    return cell.self();
  }

  /**
   * The sender of the message being processed; the system's dead-letter reference when it
   * had none. Only meaningful inside {@link #receive(Object)}.
   */
  protected final ActorRef sender() {
    return cell.sender();
  }

  /** This actor's context: its children, its parent, its system, its Vert.x context. */
  protected final ActorContext context() {
    return cell;
  }

  /** Backs {@link Stash#stash()}. */
  static void stash(Object capable, int capacity) {
    Cells.ACCESS.stash(cellOf(capable, "stash()"), capacity);
  }

  /** Backs {@link Stash#unstash()} and {@link Stash#unstashAll()}. */
  static void unstash(Object capable, boolean all) {
    Cells.ACCESS.unstash(cellOf(capable, all ? "unstashAll()" : "unstash()"), all);
  }

  /** The cell of {@code capable}, which must be an actor. */
  private static ActorContext cellOf(Object capable, String operation) {
    if (!(capable instanceof Actor actor)) {
      throw new IllegalStateException(operation + " needs an actor: " + capable.getClass().getName()
          + " implements Stash but does not extend Actor");
    }
    return actor.cell;
  }

  /**
   * For messages {@link #receive(Object)} does not handle: an unhandled {@link Terminated}
   * fails the actor with {@link DeathPactException}; anything else is logged.
   */
  protected void unhandled(Object message) {
    Cells.ACCESS.unhandled(cell, message);
  }

  /** Runs on the actor's context before it processes its first message. Default: nothing. */
  public void preStart() throws Exception {
  }

  /** Runs on the actor's context once the actor and all its children have stopped. Default: nothing. */
  public void postStop() throws Exception {
  }

  /**
   * Runs on the failed instance before it is replaced. Default: stop all children, then
   * {@link #postStop()}.
   *
   * @param reason  the failure
   * @param message the message being processed when it failed, or {@code null}
   */
  public void preRestart(Throwable reason, Object message) throws Exception {
    for (ActorRef child : cell.children()) {
      cell.stop(child);
    }
    postStop();
  }

  /** Runs on the new instance after a restart, before any message. Default: {@link #preStart()}. */
  public void postRestart(Throwable reason) throws Exception {
    preStart();
  }

  /** How this actor supervises its children. Default: {@link SupervisorStrategy#defaultStrategy()}. */
  public SupervisorStrategy supervisorStrategy() {
    return SupervisorStrategy.defaultStrategy();
  }
}
