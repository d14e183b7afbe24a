package actors.internal;

import actors.Actor;

import java.lang.invoke.MethodHandles;
import java.util.Objects;

/**
 * Hands the privileged accessors between {@link Actor} and its cell, as the JDK's
 * {@code jdk.internal.access.SharedSecrets} does between its packages: each side installs its
 * accessor once, from its own static initializer, and fetches the other's once.
 *
 * <p>The module does not export this package; on the class path anyone could call these
 * methods, so each call proves who makes it with a full-privilege {@link MethodHandles.Lookup},
 * which only the class itself can create ({@code MethodHandles.lookup()}). Nothing but
 * {@code Actor} and the library's cell gets or installs an accessor.
 */
public final class SharedSecrets {

  private static final String CELL_CLASS = "actors.impl.cell.ActorCell";

  private static ActorAccess actorAccess;
  private static CellAccess cellAccess;

  private SharedSecrets() {
  }

  /** Installed by {@link Actor}'s static initializer. */
  public static synchronized void setActorAccess(MethodHandles.Lookup caller, ActorAccess access) {
    requireCaller(caller, Actor.class.getName());
    if (actorAccess != null) {
      throw new IllegalStateException("the actor accessor is installed once");
    }
    actorAccess = Objects.requireNonNull(access, "access");
  }

  /** Fetched by the cell; initializes {@link Actor} first, which installs it. */
  public static ActorAccess actorAccess(MethodHandles.Lookup caller) {
    requireCaller(caller, CELL_CLASS);
    initialize(Actor.class.getName());
    synchronized (SharedSecrets.class) {
      return actorAccess;
    }
  }

  /** Installed by the cell's static initializer. */
  public static synchronized void setCellAccess(MethodHandles.Lookup caller, CellAccess access) {
    requireCaller(caller, CELL_CLASS);
    if (cellAccess != null) {
      throw new IllegalStateException("the cell accessor is installed once");
    }
    cellAccess = Objects.requireNonNull(access, "access");
  }

  /** Fetched by {@link Actor} (its nested holder); initializes the cell first, which installs it. */
  public static CellAccess cellAccess(MethodHandles.Lookup caller) {
    requireCaller(caller, Actor.class.getName());
    initialize(CELL_CLASS);
    synchronized (SharedSecrets.class) {
      return cellAccess;
    }
  }

  /**
   * Refuses any caller but {@code className} (or a class nested in it) of this library: the
   * lookup must have full privilege, so it was made by that class itself.
   */
  private static void requireCaller(MethodHandles.Lookup caller, String className) {
    Class<?> host = caller.lookupClass().getNestHost();
    if (!caller.hasFullPrivilegeAccess() || !host.getName().equals(className)
        || host.getModule() != SharedSecrets.class.getModule()
        || host.getClassLoader() != SharedSecrets.class.getClassLoader()) {
      throw new IllegalCallerException("the accessors between actors and their cells are the library's own; "
          + caller.lookupClass().getName() + " may not use them");
    }
  }

  private static void initialize(String className) {
    try {
      Class.forName(className, true, SharedSecrets.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(className + " is missing from the library", e);
    }
  }
}
