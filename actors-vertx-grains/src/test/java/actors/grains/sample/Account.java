package actors.grains.sample;

import actors.grains.Grain;
import actors.grains.ReadOnly;
import io.vertx.core.Future;

import java.util.List;

/** A bank account: its balance in cents, kept as durable state. */
public interface Account extends Grain {

  /** Adds {@code cents} and writes the state; answers the new balance. */
  Future<Long> deposit(long cents);

  /** Takes {@code cents} away; throws {@link IllegalStateException} when the balance is too low. */
  Future<Long> withdraw(long cents);

  @ReadOnly
  Future<Long> balance();

  /**
   * Adds each amount in turn, calling {@code write()} after each without waiting for the one
   * before; answers the state's version as each write completed, in completion order.
   */
  Future<List<Long>> depositEach(List<Long> amounts);

  /** The version of the state {@code onActivate} saw: read before it ran. */
  Future<Long> versionAtActivation();

  /** The version of the state read or last written. */
  Future<Long> version();

  /** Sets the balance in memory without writing it. */
  void setUnwritten(long cents);

  /** Registers reminder "interest" with the given period (milliseconds). */
  Future<Void> startInterest(long periodMillis);

  /** Cancels reminder "interest". */
  Future<Void> stopInterest();

  /** How many interest reminders this activation received. */
  Future<Integer> interestPaid();

  /** The node the activation runs on. */
  @ReadOnly
  Future<String> node();

  /** Deactivates the grain when idle. */
  Future<Void> deactivate();
}
