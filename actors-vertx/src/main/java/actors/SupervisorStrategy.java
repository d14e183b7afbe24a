package actors;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a supervisor answers the failure of a child: an immutable value with pure decisions,
 * shared freely. The supervisor carries them out.
 *
 * <ul>
 *   <li>{@link #decide(Throwable)}: the decider maps the cause to a {@link Directive}.</li>
 *   <li>Restart limit (Erlang/OTP's intensity and period): at most {@code maxRetries} restarts
 *       within {@code within}; one more failure that asks for a restart stops instead.
 *       {@code -1} means no limit, {@code 0} never restarts.</li>
 *   <li>{@link Scope}: which children a directive applies to: the failed one (one-for-one), all
 *       of them (all-for-one), or the failed one and those created after it (rest-for-one).
 *       {@link Directive#RESUME} and {@link Directive#ESCALATE} concern the failed child only.</li>
 *   <li>Back-off ({@link #withBackoff}): the n-th restart within the window waits
 *       {@code min * 2^n}, capped at {@code max}, plus up to {@code randomFactor} of it at random.
 *       The children stay suspended meanwhile; their messages stay queued.</li>
 * </ul>
 */
public final class SupervisorStrategy {

  /** Which children a directive applies to. */
  public enum Scope {
    /** Only the child that failed (Pekko's and OTP's one-for-one). */
    ONE_FOR_ONE,
    /** Every child of the supervisor (all-for-one). */
    ALL_FOR_ONE,
    /** The child that failed and the siblings created after it, in creation order (rest-for-one). */
    REST_FOR_ONE;

    /**
     * The children a restart or stop of {@code failed} applies to.
     *
     * @param children every child, in creation order; {@code failed} among them
     */
    public <T> List<T> select(List<T> children, T failed) {
      return switch (this) {
        case ONE_FOR_ONE -> List.of(failed);
        case ALL_FOR_ONE -> children;
        case REST_FOR_ONE -> children.subList(children.indexOf(failed), children.size());
      };
    }
  }

  private static final SupervisorStrategy DEFAULT =
      new SupervisorStrategy(Scope.ONE_FOR_ONE, -1, Duration.ofMinutes(1), SupervisorStrategy::defaultDecision,
          true, null, null, 0);

  private final Scope scope;
  private final int maxRetries;
  private final Duration within;
  private final Function<Throwable, Directive> decider;
  private final boolean loggingEnabled;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final double randomFactor;

  private SupervisorStrategy(Scope scope, int maxRetries, Duration within, Function<Throwable, Directive> decider,
                             boolean loggingEnabled, Duration minBackoff, Duration maxBackoff, double randomFactor) {
    this.scope = scope;
    this.maxRetries = maxRetries;
    this.within = within;
    this.decider = decider;
    this.loggingEnabled = loggingEnabled;
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
    this.randomFactor = randomFactor;
  }

  /**
   * The strategy every actor has unless it overrides {@link Actor#supervisorStrategy()}:
   * one-for-one without a restart limit; {@link ActorInitializationException},
   * {@link ActorKilledException} and {@link DeathPactException} stop the child, any other
   * {@link Exception} restarts it, and an {@link Error} is escalated.
   */
  public static SupervisorStrategy defaultStrategy() {
    return DEFAULT;
  }

  /** The decider of {@link #defaultStrategy()}, to fall back on from a decider of your own. */
  public static Directive defaultDecision(Throwable cause) {
    if (cause instanceof ActorInitializationException
        || cause instanceof ActorKilledException
        || cause instanceof DeathPactException) {
      return Directive.STOP;
    }
    return cause instanceof Exception ? Directive.RESTART : Directive.ESCALATE;
  }

  /**
   * One-for-one: a directive applies to the failed child only.
   *
   * @param maxRetries restarts allowed within {@code within}; {@code -1} for no limit, whatever
   *                   the window (in Pekko, {@code -1} with a finite window allows one restart)
   * @param within     the window the restarts are counted in
   * @param decider    the directive for a cause; one that throws or returns null escalates.
   *                   Inside it, the supervisor's {@code sender()} is the failed child
   * @throws IllegalArgumentException if {@code maxRetries < -1} or {@code within} is not positive
   */
  public static SupervisorStrategy oneForOne(int maxRetries, Duration within, Function<Throwable, Directive> decider) {
    return create(Scope.ONE_FOR_ONE, maxRetries, within, decider);
  }

  /** All-for-one: a restart or stop applies to every child. Parameters as in {@link #oneForOne}. */
  public static SupervisorStrategy allForOne(int maxRetries, Duration within, Function<Throwable, Directive> decider) {
    return create(Scope.ALL_FOR_ONE, maxRetries, within, decider);
  }

  /**
   * Rest-for-one: a restart or stop applies to the failed child and the siblings created after
   * it. Parameters as in {@link #oneForOne}.
   */
  public static SupervisorStrategy restForOne(int maxRetries, Duration within, Function<Throwable, Directive> decider) {
    return create(Scope.REST_FOR_ONE, maxRetries, within, decider);
  }

  private static SupervisorStrategy create(Scope scope, int maxRetries, Duration within,
                                           Function<Throwable, Directive> decider) {
    if (maxRetries < -1) {
      throw new IllegalArgumentException("maxRetries must be -1 (no limit) or more, was " + maxRetries);
    }
    Objects.requireNonNull(within, "within");
    if (within.isZero() || within.isNegative()) {
      throw new IllegalArgumentException("within must be positive, was " + within);
    }
    return new SupervisorStrategy(scope, maxRetries, within, Objects.requireNonNull(decider, "decider"),
        true, null, null, 0);
  }

  /**
   * A copy that waits before each restart: {@code min * 2^n} for the n-th restart within the
   * window (from 0), capped at {@code max}, plus a random extra of up to {@code randomFactor}
   * times that, so that children failing together do not restart together.
   *
   * @throws IllegalArgumentException if {@code min} is not positive, {@code max < min}, or
   *                                  {@code randomFactor} is negative
   */
  public SupervisorStrategy withBackoff(Duration min, Duration max, double randomFactor) {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isZero() || min.isNegative()) {
      throw new IllegalArgumentException("min back-off must be positive, was " + min);
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("max back-off " + max + " is less than min " + min);
    }
    if (!(randomFactor >= 0)) {
      throw new IllegalArgumentException("randomFactor must be 0 or more, was " + randomFactor);
    }
    return new SupervisorStrategy(scope, maxRetries, within, decider, loggingEnabled, min, max, randomFactor);
  }

  /** A copy that logs failures (one line: path, cause, directive) or not; on by default. */
  public SupervisorStrategy withLoggingEnabled(boolean enabled) {
    return new SupervisorStrategy(scope, maxRetries, within, decider, enabled, minBackoff, maxBackoff, randomFactor);
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

  /** Whether one more restart is allowed after {@code restartsWithinWindow} recent ones. */
  public boolean allowsRestart(int restartsWithinWindow) {
    return maxRetries < 0 || restartsWithinWindow < maxRetries;
  }

  /**
   * How long to wait before the restart that follows {@code restartsWithinWindow} recent ones;
   * zero without back-off.
   *
   * @param random a number in [0, 1), making the random extra
   */
  public Duration backoffDelay(int restartsWithinWindow, double random) {
    if (minBackoff == null) {
      return Duration.ZERO;
    }
    long minNanos = minBackoff.toNanos();
    long maxNanos = maxBackoff.toNanos();
    int doublings = Math.min(restartsWithinWindow, 62);
    long base = doublings >= Long.numberOfLeadingZeros(minNanos) - 1 ? maxNanos : Math.min(maxNanos, minNanos << doublings);
    return Duration.ofNanos(base + (long) (base * randomFactor * random));
  }

  /** Which children a restart or stop applies to. */
  public Scope scope() {
    return scope;
  }

  /** Restarts allowed within {@link #within()}; {@code -1} for no limit. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The window restarts are counted in. */
  public Duration within() {
    return within;
  }

  /** Whether failures are logged. */
  public boolean loggingEnabled() {
    return loggingEnabled;
  }

  @Override
  public String toString() {
    return "SupervisorStrategy(" + scope + ", maxRetries=" + maxRetries + ", within=" + within
        + (minBackoff == null ? "" : ", backoff=" + minBackoff + ".." + maxBackoff + " random " + randomFactor) + ")";
  }
}
