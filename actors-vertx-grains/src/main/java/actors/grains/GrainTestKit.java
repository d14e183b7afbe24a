package actors.grains;

import actors.ActorSystem;
import actors.grains.impl.GrainRuntime;
import io.vertx.core.Future;

/**
 * For tests of grains: start a system ({@code ActorSystem.create}, or {@code ActorSystemExtension}
 * of the testkit), register the grains with {@link Grains}, call them by their references, and
 * fire their reminders here instead of waiting for them.
 */
public final class GrainTestKit {

  private GrainTestKit() {
  }

  /**
   * Delivers reminder {@code name} to grain {@code ref} now, as if it were due (registered or
   * not), on whichever node hosts it; completes when its turn ended, with the failure of
   * {@link Remindable#receiveReminder} if it failed.
   */
  public static Future<Void> fireReminder(ActorSystem system, Grain ref, String name) {
    return GrainRuntime.of(system).fireReminder(ref, name);
  }
}
