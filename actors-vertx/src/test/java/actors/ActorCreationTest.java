package actors;

import actors.dispatch.Dispatchers;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorCreationTest extends SystemTestBase {

  @Test
  void topLevelActorsLiveUnderUser() {
    assertThat(system.actorOf(echo(), "greeter").path()).isEqualTo("/user/greeter");
  }

  @Test
  void childrenHavePathsBelowTheirParentAndAreListedInCreationOrder(VertxTestContext test) {
    ActorRef parent = system.actorOf(props((a, m) -> {
      if (m.equals("create")) {
        ActorRef first = a.ctx().actorOf(echo(), "first");
        ActorRef second = a.ctx().actorOf(echo(), "second");
        a.reply(List.of(first.path(), second.path(), a.ctx().children(),
            a.ctx().child("second").orElseThrow() == second, a.ctx().child("third").isEmpty()));
      }
    }), "parent");

    parent.<List<Object>>ask("create").onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(reply.get(0)).isEqualTo("/user/parent/first");
      assertThat(reply.get(1)).isEqualTo("/user/parent/second");
      assertThat(((List<?>) reply.get(2)).stream().map(r -> ((ActorRef) r).path()))
          .containsExactly("/user/parent/first", "/user/parent/second");
      assertThat(reply.get(3)).isEqualTo(true);
      assertThat(reply.get(4)).isEqualTo(true);
      test.completeNow();
    })));
  }

  @Test
  void anonymousActorsGetUniqueGeneratedNames() {
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      paths.add(system.actorOf(echo()).path());
    }
    assertThat(paths).hasSize(1000).allMatch(p -> p.startsWith("/user/$"));
  }

  @Test
  void aDuplicateNameIsRefused() {
    system.actorOf(echo(), "twin");
    assertThatThrownBy(() -> system.actorOf(echo(), "twin"))
        .isInstanceOf(InvalidActorNameException.class)
        .hasMessageContaining("[twin]")
        .hasMessageContaining("not unique under /user");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "with space", "tab\there", "$reserved", "line\nbreak"})
  void aMalformedNameIsRefused(String name) {
    assertThatThrownBy(() -> system.actorOf(echo(), name))
        .isInstanceOf(InvalidActorNameException.class)
        .hasMessageContaining("actor name");
  }

  @Test
  void aNameOfAtMost255CharactersIsTakenAndALongerOneRefused() {
    assertThat(system.actorOf(echo(), "n".repeat(255)).path()).isEqualTo("/user/" + "n".repeat(255));
    assertThatThrownBy(() -> system.actorOf(echo(), "n".repeat(100_000)))
        .isInstanceOf(InvalidActorNameException.class).hasMessageContaining("has 100000 characters, more than 255")
        .hasMessageNotContaining("n".repeat(41));
  }

  @Test
  void aNullNameOrPropsIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> system.actorOf(echo(), null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> system.actorOf((Props) null)).isInstanceOf(NullPointerException.class).hasMessage("props");
    assertThatThrownBy(() -> Props.create((java.util.function.Supplier<Actor>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("factory");
  }

  @Test
  void aFactoryThatThrowsFailsActorOfAndLeavesNoChildBehind() {
    Props props = Props.create(FnActor.class, () -> {
      throw new IllegalStateException("no database");
    });
    assertThatThrownBy(() -> system.actorOf(props, "broken"))
        .isInstanceOf(ActorInitializationException.class)
        .hasMessageContaining("actors.FnActor")
        .hasMessageContaining("/user/broken")
        .hasMessageContaining("no database")
        .hasCauseInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(((ActorInitializationException) e).path()).isEqualTo("/user/broken"));

    // The name was released: the same name works with a good factory.
    assertThat(system.actorOf(echo(), "broken").path()).isEqualTo("/user/broken");
  }

  @Test
  void aFactoryThatReturnsNullFailsActorOf() {
    assertThatThrownBy(() -> system.actorOf(Props.create(FnActor.class, () -> null), "nothing"))
        .isInstanceOf(ActorInitializationException.class)
        .hasMessageContaining("returned null")
        .hasMessageContaining("actors.FnActor")
        .hasMessageContaining("/user/nothing");
    assertThat(system.actorOf(echo(), "nothing").path()).isEqualTo("/user/nothing");
  }

  @Test
  void aFactoryThatReturnsTheSameInstanceTwiceFailsTheSecondTime() {
    Actor[] shared = new Actor[1];
    Props props = Props.create(() -> {
      if (shared[0] == null) {
        shared[0] = new FnActor((a, m) -> { });
      }
      return shared[0];
    });
    system.actorOf(props, "once");
    assertThatThrownBy(() -> system.actorOf(props, "twice"))
        .isInstanceOf(ActorInitializationException.class)
        .hasMessageContaining("new instance on every call");
  }

  @Test
  void anActorCannotBeCreatedWithNew() {
    assertThatThrownBy(() -> new FnActor((a, m) -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("actorOf");
  }

  @Test
  void propsFromAClassUseItsNoArgumentConstructor(VertxTestContext test) {
    system.actorOf(Props.create(Pong.class), "pong").ask("ping")
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertThat(reply).isEqualTo("pong");
          test.completeNow();
        })));
  }

  @Test
  void propsFromAClassWithoutNoArgumentConstructorAreRefused() {
    assertThatThrownBy(() -> Props.create(FnActor.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no public no-argument constructor");
  }

  @Test
  void anUnknownDispatcherIsRefusedAtActorOf() {
    assertThatThrownBy(() -> system.actorOf(echo().withDispatcher("gpu"), "fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpu")
        .hasMessageContaining(Dispatchers.EVENT_LOOP);
  }

  @Test
  void theNameOfAStoppedActorCanBeReused(VertxTestContext test) {
    ActorRef first = system.actorOf(echo(), "phoenix");
    system.stop(first).onComplete(test.succeeding(v -> test.verify(() -> {
      assertThat(system.actorOf(echo(), "phoenix")).isNotSameAs(first);
      test.completeNow();
    })));
  }

  /** An actor with a public no-argument constructor. */
  public static final class Pong extends Actor {
    @Override
    protected void receive(Object message) {
      sender().tell("pong", self());
    }
  }
}
