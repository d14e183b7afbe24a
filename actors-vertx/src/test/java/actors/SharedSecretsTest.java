package actors;

import actors.internal.SharedSecrets;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On the class path, where the module cannot hide them, the accessors between actors and their
 * cells are still the library's own: any other caller is refused, whatever lookup it shows.
 */
class SharedSecretsTest {

  @Test
  void anApplicationCannotFetchTheCellAccessor() {
    assertThatThrownBy(() -> SharedSecrets.cellAccess(MethodHandles.lookup()))
        .isInstanceOf(IllegalCallerException.class)
        .hasMessageContaining(SharedSecretsTest.class.getName() + " may not use them");
  }

  @Test
  void anApplicationCannotFetchTheActorAccessor() {
    assertThatThrownBy(() -> SharedSecrets.actorAccess(MethodHandles.lookup()))
        .isInstanceOf(IllegalCallerException.class);
  }

  @Test
  void anApplicationCannotInstallAnAccessor() {
    assertThatThrownBy(() -> SharedSecrets.setActorAccess(MethodHandles.lookup(), (actor, message) -> { }))
        .isInstanceOf(IllegalCallerException.class);
  }

  @Test
  void aLookupWithoutFullPrivilegeIsRefusedEvenForTheRightClass() {
    // What any class can make for Actor: a public lookup on it, not Actor's own.
    MethodHandles.Lookup onActor = MethodHandles.publicLookup().in(Actor.class);
    assertThatThrownBy(() -> SharedSecrets.cellAccess(onActor)).isInstanceOf(IllegalCallerException.class);
  }
}
