package actors;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a supervisor answers the failure of a child: a pure decision from the cause to a
 * {@link Directive}. A strategy is an immutable value, shared freely.
 */
public final class SupervisorStrategy {

  private static final SupervisorStrategy DEFAULT = new SupervisorStrategy(SupervisorStrategy::defaultDecision);

  private final Function<Throwable, Directive> decider;

  private SupervisorStrategy(Function<Throwable, Directive> decider) {
    this.decider = decider;
  }

  /**
   * The strategy every actor has unless it overrides {@link Actor#supervisorStrategy()}:
   * {@link ActorInitializationException}, {@link ActorKilledException} and
   * {@link DeathPactException} stop the child, any other {@link Exception} restarts it, and an
   * {@link Error} is escalated.
   */
  public static SupervisorStrategy defaultStrategy() {
    return DEFAULT;
  }

  /**
   * The directive for a child that failed with {@code cause}. A decider that throws or
   * returns {@code null} escalates.
   */
  public Directive decide(Throwable cause) {
    Objects.requireNonNull(cause, "cause");
    try {
      Directive directive = decider.apply(cause);
      return directive != null ? directive : Directive.ESCALATE;
    } catch (RuntimeException e) {
      return Directive.ESCALATE;
    }
  }

  private static Directive defaultDecision(Throwable cause) {
    if (cause instanceof ActorInitializationException
        || cause instanceof ActorKilledException
        || cause instanceof DeathPactException) {
      return Directive.STOP;
    }
    return cause instanceof Exception ? Directive.RESTART : Directive.ESCALATE;
  }
}
