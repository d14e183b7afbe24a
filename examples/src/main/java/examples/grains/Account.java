package examples.grains;

import actors.grains.Grain;
import actors.grains.ReadOnly;
import io.vertx.core.Future;

// tag::interface[]
/** A bank account, a grain: its balance in cents is durable state, and it earns interest monthly. */
public interface Account extends Grain {

  /** Adds {@code cents}; answers the new balance once it is written. */
  Future<Long> deposit(long cents);

  /** Takes {@code cents} away; fails with {@link InsufficientFundsException} if the balance is lower. */
  Future<Long> withdraw(long cents);

  @ReadOnly
  Future<Long> balance();
}
// end::interface[]
