package actors;

import actors.dispatch.Dispatchers;
import actors.dispatch.MailboxOptions;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An immutable recipe for an actor: how to make an instance (at creation and at every restart)
 * and how to run it. Constructor arguments are captured by a lambda, as with
 * {@code functools.partial}: {@code Props.create(() -> new Greeter("Hello"))}.
 */
public final class Props {

  private final Supplier<? extends Actor> factory;
  private final Class<? extends Actor> actorClass;
  private final String dispatcher;
  private final MailboxOptions mailbox;

  private Props(Supplier<? extends Actor> factory, Class<? extends Actor> actorClass, String dispatcher,
                MailboxOptions mailbox) {
    this.factory = factory;
    this.actorClass = actorClass;
    this.dispatcher = dispatcher;
    this.mailbox = mailbox;
  }

  /**
   * Props whose instances come from {@code factory}, which must return a new instance on every
   * call.
   *
   * @throws NullPointerException if {@code factory} is null
   */
  public static Props create(Supplier<? extends Actor> factory) {
    return new Props(Objects.requireNonNull(factory, "factory"), null, Dispatchers.EVENT_LOOP, null);
  }

  /**
   * Like {@link #create(Supplier)}, also naming the actor class, which errors about the
   * factory then mention.
   *
   * @throws NullPointerException if an argument is null
   */
  public static <A extends Actor> Props create(Class<A> actorClass, Supplier<? extends A> factory) {
    return new Props(Objects.requireNonNull(factory, "factory"),
        Objects.requireNonNull(actorClass, "actorClass"), Dispatchers.EVENT_LOOP, null);
  }

  /**
   * Props whose instances come from the public no-argument constructor of {@code actorClass}.
   *
   * @throws IllegalArgumentException if the class is abstract or has no public no-argument
   *                                  constructor
   */
  public static <A extends Actor> Props create(Class<A> actorClass) {
    Objects.requireNonNull(actorClass, "actorClass");
    if (Modifier.isAbstract(actorClass.getModifiers())) {
      throw new IllegalArgumentException("actor class " + actorClass.getName() + " is abstract");
    }
    Constructor<A> constructor;
    try {
      constructor = actorClass.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("actor class " + actorClass.getName()
          + " has no public no-argument constructor; use Props.create(Class, Supplier)", e);
    }
    return create(actorClass, () -> {
      try {
        return constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + actorClass.getName(),
            e.getCause() != null ? e.getCause() : e);
      }
    });
  }

  /**
   * A copy that runs the actor on the named dispatcher, such as
   * {@link Dispatchers#WORKER}, or a custom one registered with
   * {@link ActorSystemOptions#addDispatcher}. An unknown name fails at {@code actorOf}.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public Props withDispatcher(String name) {
    return new Props(factory, actorClass, Objects.requireNonNull(name, "name"), mailbox);
  }

  /**
   * A copy whose actors get a mailbox with these options (a copy of them): bounded, priority or
   * control-aware. Unset, the system's default mailbox applies.
   *
   * @throws NullPointerException if {@code options} is null
   */
  public Props withMailbox(MailboxOptions options) {
    return new Props(factory, actorClass, dispatcher, new MailboxOptions(Objects.requireNonNull(options, "options")));
  }

  /** The factory that makes instances. */
  public Supplier<? extends Actor> factory() {
    return factory;
  }

  /** The actor class, when it was given, else {@code null}. */
  public Class<? extends Actor> actorClass() {
    return actorClass;
  }

  /** The mailbox options, or {@code null} for the system's default. */
  public MailboxOptions mailbox() {
    return mailbox == null ? null : new MailboxOptions(mailbox);
  }

  /** The dispatcher's name; {@link Dispatchers#EVENT_LOOP} unless set. */
  public String dispatcher() {
    return dispatcher;
  }

  @Override
  public String toString() {
    return "Props(" + (actorClass != null ? actorClass.getName() : "factory") + ", dispatcher=" + dispatcher
        + (mailbox != null ? ", mailbox=" + mailbox : "") + ")";
  }
}
