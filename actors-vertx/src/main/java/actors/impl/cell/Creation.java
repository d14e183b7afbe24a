package actors.impl.cell;

import actors.Actor;
import actors.ActorContext;
import actors.ActorInitializationException;
import actors.Props;
import actors.dispatch.impl.CellDispatcher;
import actors.event.ActorStarted;
import actors.impl.cell.SystemMessages.Create;
import actors.internal.GroupMeters;
import actors.internal.CellAccess;
import io.vertx.core.Promise;

/**
 * How a cell comes to life and gets its instances: the child's name is reserved, the cell built
 * and its {@code Props} factory run on the creating thread, whose {@link Actor} constructor binds
 * itself to the cell under construction; then the {@code Create} system message runs
 * {@code preStart} on the actor's own context.
 */
final class Creation {

  // The cell whose factory runs on this thread, what an Actor constructor binds to, and the
  // instance bound to it so far.
  private static final ThreadLocal<Construction> UNDER_CONSTRUCTION = new ThreadLocal<>();

  private static final class Construction {
    final ActorCell cell;
    Actor instance;

    Construction(ActorCell cell) {
      this.cell = cell;
    }
  }

  private Creation() {
  }

  /**
   * Creates, registers and starts a child of {@code parent} on {@code dispatcher}; any thread.
   * A failed creation leaves nothing behind: the name is free again.
   *
   * @param started completed once {@code preStart} has run, failed with what it threw; may be null
   */
  static ActorCell createChild(ActorCell parent, Props props, String name, CellDispatcher dispatcher,
                               Promise<Void> started) {
    return createChecked(parent, props, name == null ? null : Names.validate(name), dispatcher, started);
  }

  /** The same, under a name already checked: a generated one if null, or one kept for the machinery. */
  static ActorCell createChecked(ActorCell parent, Props props, String name, CellDispatcher dispatcher,
                                 Promise<Void> started) {
    Children siblings = parent.childTable();
    String childName = name == null ? siblings.generateName() : name;
    siblings.reserve(childName, parent);
    ActorCell cell;
    try {
      cell = new ActorCell(parent.system, parent, props, childName, dispatcher);
      cell.actor = newInstance(cell);
      if (parent.system.meters() != null) {
        GroupMeters meters = parent.system.meters().group(cell.actor.getClass(), cell.path());
        cell.mailbox.meter(meters);
        meters.created(cell.mailbox.counts());
      }
      // Born into a suspended parent, it is held as its siblings are: once per unit the parent
      // holds, each given back by the parent's Resume or Recreate (see FaultHandling).
      for (int units = parent.mailbox.suspensionCount(); units > 0; units--) {
        cell.mailbox.suspend();
      }
      siblings.register(cell);
    } catch (RuntimeException | Error e) {
      siblings.unreserve(childName);
      throw e;
    }
    cell.sendSystem(new Create(started));
    return cell;
  }

  /** Runs the cell's {@code Props} factory: a new instance, bound to the cell. */
  static Actor newInstance(ActorCell cell) {
    Construction outer = UNDER_CONSTRUCTION.get();
    Construction construction = new Construction(cell);
    UNDER_CONSTRUCTION.set(construction);
    try {
      Actor instance = cell.props.factory().get();
      if (instance == null) {
        throw new ActorInitializationException(cell.path(), "the Props factory of " + describe(cell) + " returned null", null);
      }
      if (instance != construction.instance) {
        throw new ActorInitializationException(cell.path(), "the Props factory of " + describe(cell)
            + " returned an instance it did not create; it must return a new instance on every call", null);
      }
      return instance;
    } catch (ActorInitializationException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw new ActorInitializationException(cell.path(), "the Props factory of " + describe(cell) + " threw " + e, e);
    } finally {
      if (outer == null) {
        UNDER_CONSTRUCTION.remove();
      } else {
        UNDER_CONSTRUCTION.set(outer);
      }
    }
  }

  /** Runs {@code preStart}, on the actor's context: the {@code Create} system message. */
  static void start(ActorCell cell, Promise<Void> started) {
    if (cell.terminating) {
      if (started != null) {
        started.fail(new IllegalStateException(cell.path() + " was stopped before it started"));
      }
      return;
    }
    try {
      cell.actor.preStart();
    } catch (Throwable t) {
      if (started != null) {
        started.fail(t);
      }
      // It never started: no preRestart and no postStop for it (see FaultHandling).
      cell.actor = null;
      FaultHandling.handleInvokeFailure(cell,
          new ActorInitializationException(cell.path(), "preStart of " + cell.path() + " threw " + t, t), null);
      return;
    }
    if (started != null) {
      started.complete();
    }
    if (cell.system.events().hasSubscribers(ActorStarted.class)) {
      cell.system.events().publish(new ActorStarted(cell.self));
    }
  }

  /** Whether {@code cell}'s factory is running on this thread. */
  static boolean isUnderConstruction(ActorCell cell) {
    Construction construction = UNDER_CONSTRUCTION.get();
    return construction != null && construction.cell == cell;
  }

  private static String describe(ActorCell cell) {
    Class<?> actorClass = cell.props.actorClass();
    return (actorClass != null ? "actor class " + actorClass.getName() : "the actor") + " at " + cell.path();
  }

  /** What {@link Actor} and {@code Stash} reach through {@code SharedSecrets}, and nothing else. */
  static final class Access implements CellAccess {

    @Override
    public ActorContext bindNewInstance(Actor instance) {
      Construction construction = UNDER_CONSTRUCTION.get();
      if (construction == null) {
        throw new IllegalStateException("actor " + instance.getClass().getName()
            + " was created with new; actors are created by actorOf(Props), which calls the Props factory");
      }
      if (construction.instance != null) {
        throw new IllegalStateException("the Props factory of " + construction.cell.path()
            + " created more than one actor instance; create children with context().actorOf");
      }
      construction.instance = instance;
      return construction.cell;
    }

    @Override
    public void unhandled(ActorContext cell, Object message) {
      Behaviours.unhandled((ActorCell) cell, message);
    }

    @Override
    public void stash(ActorContext cell, int capacity) {
      Behaviours.stash((ActorCell) cell, capacity);
    }

    @Override
    public void unstash(ActorContext cell, boolean all) {
      Behaviours.unstash((ActorCell) cell, all);
    }
  }
}
