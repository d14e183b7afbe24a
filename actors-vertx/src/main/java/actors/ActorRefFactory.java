package actors;

import java.util.function.Supplier;

/**
 * What creates actors: the {@link ActorSystem} (top-level actors, under {@code /user}) and an
 * {@link ActorContext} (children of that actor).
 *
 * <p>The factory runs at once, on the calling thread, and again at every restart; it must
 * return a new instance each time. {@code preStart} then runs on the actor's context before
 * its first message.
 */
public interface ActorRefFactory {

  /** The longest actor name, in characters. */
  int MAX_NAME_LENGTH = 255;

  /**
   * Creates an actor with a generated name (starting with {@code $}).
   *
   * @throws ActorInitializationException if the factory throws or returns no new instance; no
   *                                      actor is left behind
   * @throws IllegalArgumentException     if the Props name an unknown dispatcher
   * @throws IllegalStateException        if the system or the parent is stopping
   */
  ActorRef actorOf(Props props);

  /**
   * Creates an actor with a name unique among its living siblings.
   *
   * @throws InvalidActorNameException if the name is empty, longer than {@value #MAX_NAME_LENGTH}
   *                                   characters, malformed ({@code /}, whitespace, a control
   *                                   character, a leading {@code $}) or taken
   * @see #actorOf(Props)
   */
  ActorRef actorOf(Props props, String name);

  /** Creates an actor from a factory, with a generated name. */
  default ActorRef actorOf(Supplier<? extends Actor> factory) {
    return actorOf(Props.create(factory));
  }

  /** Creates a named actor from a factory. */
  default ActorRef actorOf(Supplier<? extends Actor> factory, String name) {
    return actorOf(Props.create(factory), name);
  }
}
